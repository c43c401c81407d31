import Cartography
import GeoCore
import LayoutAnalysis
import LayoutModel

/// The enterprises layer of `analyze`: the styled base layer with each enterprise's
/// cluster (division, label, role) and Gi* result added as properties.
public enum EnterpriseAttributes {
    public static func collection(data: Dataset, results: FullAnalysis) -> FeatureCollection {
        let rows = Rows(data: data, results: results)
        return FeatureCollection(features: (0..<rows.count).map(rows.feature))
    }

    /// The layer one row at a time (a million enterprises are never all features at once):
    /// `feature(i)` is the i-th feature of `collection`, in dataset order.
    public struct Rows {
        let data: Dataset
        let palette: IndustryPalette
        /// Per enterprise: its group's index in `results.cluster.groups` and its place in it, or −1.
        let groupOf: [Int32]
        let memberOf: [Int32]
        /// Per enterprise: its index in the Gi* entries, or −1.
        let giOf: [Int32]
        let results: FullAnalysis

        public init(data: Dataset, results: FullAnalysis) {
            self.data = data
            self.results = results
            palette = BaseLayers.enterprisePalette(data)
            let n = data.enterprises.count
            var groupOf = [Int32](repeating: -1, count: n), memberOf = [Int32](repeating: -1, count: n)
            // A later group wins, as the dictionary of the first version did.
            for (g, group) in results.cluster.groups.enumerated() {
                for (k, i) in group.members.enumerated() where i < n {
                    groupOf[i] = Int32(g)
                    memberOf[i] = Int32(k)
                }
            }
            var giOf = [Int32](repeating: -1, count: n)
            for (k, e) in (results.hotspots?.entries ?? []).enumerated() where e.enterprise < n { giOf[e.enterprise] = Int32(k) }
            self.groupOf = groupOf
            self.memberOf = memberOf
            self.giOf = giOf
        }

        public var count: Int { data.enterprises.count }

        public func feature(_ i: Int) -> Feature {
            var feature = GeoJSONExport.feature(BaseLayers.enterprise(data.enterprises[i], palette: palette), layer: "enterprises", kind: .point)
            var p = feature.properties ?? JSONObject()
            // Taken out of the feature so that the members are not copied on the first change.
            feature.properties = nil
            if groupOf[i] >= 0 {
                let group = results.cluster.groups[Int(groupOf[i])], k = Int(memberOf[i])
                p["cluster_group"] = .string(group.industry)
                p["cluster"] = .integer(Int64(group.dbscan.labels[k]))
                p["cluster_role"] = .string(group.dbscan.role(of: k).rawValue)
            } else {
                p["cluster_group"] = .null
                p["cluster"] = .null
                p["cluster_role"] = .null
            }
            let g = giOf[i] >= 0 ? results.hotspots?.entries[Int(giOf[i])] : nil
            p["gi_z"] = JSONValue.number(g?.z)
            p["gi_p"] = JSONValue.number(g?.p)
            p["gi_bin"] = g.map { .integer(Int64($0.bin)) } ?? .null
            feature.properties = p
            return feature
        }
    }
}
