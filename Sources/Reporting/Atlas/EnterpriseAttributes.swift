import Cartography
import GeoCore
import LayoutAnalysis
import LayoutModel

/// The enterprises layer of `analyze`: the styled base layer with each enterprise's
/// cluster (division, label, role) and Gi* result added as properties.
public enum EnterpriseAttributes {
    public static func collection(data: Dataset, results: FullAnalysis) -> FeatureCollection {
        var features = GeoJSONExport.features(for: [BaseLayers.enterprises(data)])
        var cluster = [Int: (group: String, label: Int, role: String)]()
        for group in results.cluster.groups {
            for (k, i) in group.members.enumerated() {
                cluster[i] = (group.industry, Int(group.dbscan.labels[k]), group.dbscan.role(of: k).rawValue)
            }
        }
        var gi = [Int: HotspotAnalysis.Entry]()
        for e in results.hotspots?.entries ?? [] { gi[e.enterprise] = e }
        // BaseLayers.enterprises keeps dataset order, one feature per enterprise.
        for i in features.indices where i < data.enterprises.count {
            var p = features[i].properties ?? JSONObject()
            let c = cluster[i]
            p["cluster_group"] = c.map { .string($0.group) } ?? .null
            p["cluster"] = c.map { .integer(Int64($0.label)) } ?? .null
            p["cluster_role"] = c.map { .string($0.role) } ?? .null
            let g = gi[i]
            p["gi_z"] = JSONValue.number(g?.z)
            p["gi_p"] = JSONValue.number(g?.p)
            p["gi_bin"] = g.map { .integer(Int64($0.bin)) } ?? .null
            features[i].properties = p
        }
        return FeatureCollection(features: features)
    }
}
