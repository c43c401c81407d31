import Cartography
import GeoCore
import LayoutAnalysis
import LayoutModel

/// Map layers built from analysis results (clusters, hot spots, findings), so the
/// `analyze` report draws them with the same renderer as the base layers.
///
/// `registry(...)` returns `MapLayerRegistry.base` with these layers added; their
/// builders capture the finished results, so building a layer runs no analysis.
public enum AnalysisLayers {
    /// The base registry plus `clusters`, `hotspots` and `findings` (not drawn by default).
    public static func registry(cluster: ClusterReport?, hotspots: HotspotAnalysis?, check: CheckReport?) -> MapLayerRegistry {
        var registry = MapLayerRegistry.base
        if let cluster {
            registry = registry.adding(.init(name: "clusters", summary: "DBSCAN clusters per industry division", isDefault: false) {
                clusters(cluster, dataset: $0)
            })
        }
        if let hotspots {
            registry = registry.adding(.init(name: "hotspots", summary: "Getis–Ord Gi* bins", isDefault: false) {
                self.hotspots(hotspots, dataset: $0)
            })
        }
        if let check {
            registry = registry.adding(.init(name: "findings", summary: "check findings by severity", isDefault: false) { _ in
                findings(check)
            })
        }
        return registry
    }

    /// Cluster hulls and clustered enterprises, a colour per industry division; noise points are not drawn.
    /// - Parameter light: when given, the layer comes back without features and each feature's
    ///   geometry and style (points without properties or titles) go to `light`, in layer order
    ///   (`BaseLayers.parcels(_:light:)`).
    public static func clusters(_ report: ClusterReport, dataset: Dataset, light: LightFeatureSink? = nil) -> MapLayer {
        var hulls: [StyledFeature] = []
        var points: [StyledFeature] = []
        var legend: [LegendEntry] = []
        // Colour by division so that clusters of one industry share a colour, and
        // distinct industries shown (those with clusters) get distinct colours.
        let palette = CategoricalPalette(keys: report.industriesWithClusters)
        for group in report.groups {
            let colour = palette.color(for: group.industry) ?? ClusterReport.noiseColor
            let name = IndustryTable.lookup(group.industry)?.nameZh ?? ""
            if !group.clusters.isEmpty {
                legend.append(LegendEntry(label: "\(group.industry) \(name) (\(group.clusters.count))",
                                          style: FeatureStyle(fill: colour, fillOpacity: 0.3, stroke: colour, strokeWidth: 1.5)))
            }
            for c in group.clusters {
                let style = FeatureStyle(fill: colour, fillOpacity: 0.25, stroke: colour, strokeWidth: 1.5,
                                         title: "\(group.industry) cluster \(c.id)",
                                         description: "\(c.size) enterprises, \(c.coreCount) core")
                hulls.append(StyledFeature(feature: Feature(geometry: c.hull, properties: [
                    "kind": .string("cluster_hull"), "cluster_group": .string(group.industry), "cluster": .integer(Int64(c.id)),
                    "size": .integer(Int64(c.size)),
                ]), style: style))
            }
            for (k, i) in group.members.enumerated() {
                let label = Int(group.dbscan.labels[k])
                // Noise is left out: scattered points would widen the map to the whole city.
                guard label >= 0 else { continue }
                if let light {
                    light(dataset.enterprises.geometry(at: i), FeatureStyle(markerColor: colour, markerRadius: 2.5))
                    continue
                }
                let e = dataset.enterprises[i]
                let style = FeatureStyle(markerColor: colour, markerRadius: 2.5, title: e.name)
                points.append(StyledFeature(feature: Feature(geometry: e.geometry, properties: [
                    "id": .string(e.id), "industry": .string(e.industry.value), "cluster_group": .string(group.industry), "cluster": .integer(Int64(label)),
                ]), style: style))
            }
        }
        // Points under the hull outlines would hide them: hulls are drawn last with a light fill.
        if let light {
            for h in hulls { light(h.feature.geometry, h.style) }
            return MapLayer(name: "clusters", title: "产业集群 DBSCAN clusters", kind: .polygon, features: [], legend: legend)
        }
        return MapLayer(name: "clusters", title: "产业集群 DBSCAN clusters", kind: .polygon, features: points + hulls, legend: legend)
    }

    /// Enterprises coloured by Gi* bin (ColorBrewer RdBu), not significant ones small and grey.
    /// - Parameter light: as for `clusters(_:dataset:light:)`.
    public static func hotspots(_ a: HotspotAnalysis, dataset: Dataset, light: LightFeatureSink? = nil) -> MapLayer {
        var features: [StyledFeature] = []
        if let light {
            // The order of the sort below, as a permutation (the same comparisons, so the same order).
            let entries = a.entries
            for k in entries.indices.sorted(by: { abs(entries[$0].bin) < abs(entries[$1].bin) }) {
                let entry = entries[k]
                light(dataset.enterprises.geometry(at: entry.enterprise),
                      FeatureStyle(markerColor: HotspotsReport.colour(entry.bin), markerRadius: entry.bin == 0 ? 1.5 : 3))
            }
        } else {
            let ordered = a.entries.sorted { abs($0.bin) < abs($1.bin) }  // significant points drawn on top
            features = ordered.map { entry -> StyledFeature in
                let e = dataset.enterprises[entry.enterprise]
                let style = FeatureStyle(markerColor: HotspotsReport.colour(entry.bin), markerRadius: entry.bin == 0 ? 1.5 : 3,
                                         title: e.name, description: HotspotsReport.binMeaning(entry.bin))
                var properties: JSONObject = ["id": .string(e.id), "industry": .string(e.industry.value), a.value.rawValue: .double(entry.value)]
                if let z = entry.z { properties["gi_z"] = .double((z * 1000).rounded() / 1000) }
                properties["gi_bin"] = .integer(Int64(entry.bin))
                return StyledFeature(feature: Feature(geometry: e.geometry, properties: properties), style: style)
            }
        }
        let legend = stride(from: 3, through: -3, by: -1).map { bin in
            LegendEntry(label: HotspotsReport.binMeaning(bin), style: FeatureStyle(markerColor: HotspotsReport.colour(bin), markerRadius: 3))
        }
        return MapLayer(name: "hotspots", title: "热点 Gi* hot spots (\(a.value.rawValue))", kind: .point, features: features, legend: legend)
    }

    /// Findings with a geometry, coloured by severity (error red, warning orange, info blue).
    /// - Parameter light: as for `clusters(_:dataset:light:)`.
    public static func findings(_ report: CheckReport, light: LightFeatureSink? = nil) -> MapLayer {
        var features: [StyledFeature] = []
        if let light {
            // The order of the filter and sort below, as a permutation.
            let all = report.findings
            for k in all.indices.filter({ all[$0].geometry != nil }).sorted(by: { all[$0].severity < all[$1].severity }) {
                let colour = CheckRendering.colour(all[k].severity)
                light(all[k].geometry, FeatureStyle(fill: colour, fillOpacity: 0.35, stroke: colour, strokeWidth: 2, markerColor: colour,
                                                    markerRadius: 3.5))
            }
        } else {
            let ordered = report.findings.filter { $0.geometry != nil }.sorted { $0.severity < $1.severity }
            features = ordered.map { f -> StyledFeature in
                let colour = CheckRendering.colour(f.severity)
                let style = FeatureStyle(fill: colour, fillOpacity: 0.35, stroke: colour, strokeWidth: 2, markerColor: colour, markerRadius: 3.5,
                                         title: f.rule.rawValue, description: f.messageZh)
                return StyledFeature(feature: Feature(geometry: f.geometry, properties: CheckRendering.properties(f)), style: style)
            }
        }
        let legend = Severity.allCases.reversed().map { s in
            let colour = CheckRendering.colour(s)
            return LegendEntry(label: "\(s.nameZh) \(s.rawValue)", style: FeatureStyle(fill: colour, fillOpacity: 0.35, stroke: colour, strokeWidth: 2))
        }
        return MapLayer(name: "findings", title: "检查发现 Findings", kind: .polygon, features: features, legend: legend)
    }
}
