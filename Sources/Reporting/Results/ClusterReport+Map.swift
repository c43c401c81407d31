import GeoCore
import LayoutAnalysis
import LayoutModel

/// The `cluster --out FILE.geojson` map layer: enterprise points with their label and role,
/// then one hull per cluster, styled with simplestyle keys (docs/cli.md output rules).
///
/// Point features keep every input property and add `cluster_group`, `cluster`, `role`,
/// `core`, `marker-color` (the colour of the cluster's industry group, grey for noise),
/// `marker-size`, `title` and `description`. Hull features carry the cluster's figures
/// with `fill`, `fill-opacity`, `stroke`, `stroke-width` (the industry's colour), `title`
/// and `description`.
public extension ClusterReport {
    static let noiseColor = "#9e9e9e"

    /// The industry groups that have at least one cluster: the industries a cluster map shows in colour.
    var industriesWithClusters: [String] { groups.filter { !$0.clusters.isEmpty }.map(\.industry) }

    /// - Parameters:
    ///   - properties: the input properties of enterprise i (all kept).
    ///   - location: the lon/lat point of enterprise i.
    ///   - industryColor: the colour of an industry group of `industriesWithClusters`
    ///     (the caller's palette: distinct industries should get distinct colours).
    func mapFeatures(
        properties: (Int) -> JSONObject?, location: (Int) -> Position?, industryColor: (String) -> String
    ) -> FeatureCollection {
        var features: [Feature] = []
        for group in groups {
            let color = group.clusters.isEmpty ? Self.noiseColor : industryColor(group.industry)
            for (k, i) in group.members.enumerated() {
                guard let p = location(i) else { continue }
                let label = Int(group.dbscan.labels[k])
                let role = group.dbscan.role(of: k)
                var props = properties(i) ?? JSONObject()
                props["cluster_group"] = .string(group.industry)
                props["cluster"] = .integer(Int64(label))
                props["cluster_role"] = .string(role.rawValue)
                props["core"] = .bool(role == .core)
                let where_ = label >= 0 ? "cluster \(label) (\(role.rawValue))" : "noise"
                props.addMissing([
                    "marker-color": .string(label >= 0 ? color : Self.noiseColor), "marker-size": .string(role == .core ? "medium" : "small"),
                    "title": .string(group.ids[k]), "description": .string("\(group.industry): \(where_)"),
                ])
                features.append(Feature(id: .string(group.ids[k]), geometry: .point(p), properties: props))
            }
        }
        for group in groups {
            let color = group.clusters.isEmpty ? Self.noiseColor : industryColor(group.industry)
            for c in group.clusters {
                var props: JSONObject = [
                    "kind": .string("cluster_hull"),
                    "cluster_group": .string(group.industry),
                    "cluster": .integer(Int64(c.id)),
                    "size": .integer(Int64(c.size)),
                    "core_count": .integer(Int64(c.coreCount)),
                    "industries": .array(c.industries.map { .string($0) }),
                    "output_wan": .number(c.outputWan),
                    "parks": .array(c.parks.map { .string($0) }),
                    "hull": .string(c.hullKind.rawValue),
                    "hull_area_m2": .number(c.hullAreaM2),
                ]
                let parks = c.parks.isEmpty ? "outside parks" : "parks " + c.parks.joined(separator: ", ")
                props.addMissing([
                    "fill": .string(color), "fill-opacity": .double(0.25), "stroke": .string(color), "stroke-width": .double(2),
                    "title": .string("\(group.industry) cluster \(c.id)"),
                    "description": .string("\(c.size) enterprises (\(c.coreCount) core), output \(Int(c.outputWan.rounded())) 万元, \(parks)"),
                ])
                features.append(Feature(id: .string("\(group.industry)-\(c.id)"), geometry: c.hull, properties: props))
            }
        }
        return FeatureCollection(features: features)
    }
}
