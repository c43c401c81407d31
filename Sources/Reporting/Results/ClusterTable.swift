import Foundation
import GeoCore
import GeoJSON
import LayoutAnalysis
import LayoutIO
import LayoutModel

/// The table report of `cluster`: per group a summary line, the largest clusters, NNI and K/L.
public enum ClusterTable {
    /// Clusters listed per group in the table (all of them are in the JSON).
    public static let clusterRows = 15

    public static func render(_ report: ClusterReport) -> String {
        let o = report.options
        var out = "DBSCAN eps \(NumberText.fixed(o.eps, decimals: 1)) m, min_points \(o.minPoints); CRS \(report.crs)\n"
        out += "study area \(o.studyArea.rawValue); K radii \(o.radii.map { NumberText.fixed($0, decimals: 0) }.joined(separator: ", ")) m; "
        out += "\(o.simulations) CSR simulations, seed \(o.seed)\n"
        out += report.envelopeDescription + "\n"
        if report.groups.isEmpty { out += "\nno enterprises in the chosen industries\n" }
        for group in report.groups {
            let names = IndustryTable.lookup(group.industry)
            let title = names.map { "\(group.industry) \($0.nameZh) \($0.nameEn)" } ?? group.industry
            let noise = group.dbscan.labels.count(where: { $0 < 0 })
            let cores = group.dbscan.isCore.count(where: { $0 })
            out += "\n\(title)\n"
            out += "  \(Plural.count(group.n, "enterprise")): \(Plural.count(group.dbscan.clusterCount, "cluster")), \(cores) core, \(noise) noise\n"
            if !group.clusters.isEmpty {
                var t = TextTable(headers: ["cluster", "size", "core", "output 万元", "industries", "parks", "centroid", "hull"])
                t.rightAligned = [0, 1, 2, 3]
                let largest = group.clusters.sorted { ($0.size, -$0.id) > ($1.size, -$1.id) }.prefix(clusterRows)
                for c in largest {
                    t.rows.append([
                        String(c.id), String(c.size), String(c.coreCount), NumberText.grouped(c.outputWan, decimals: 0),
                        abbreviated(c.industries), abbreviated(c.parks),
                        "\(NumberText.fixed(c.centroid.x, decimals: 5)), \(NumberText.fixed(c.centroid.y, decimals: 5))",
                        c.hullKind.rawValue,
                    ])
                }
                out += t.render(indent: "  ")
                if group.clusters.count > clusterRows {
                    out += "  … \(group.clusters.count - clusterRows) smaller clusters (see --format json)\n"
                }
            }
            if let nni = group.nni {
                out += "  nearest neighbour (Clark–Evans): observed \(NumberText.fixed(nni.meanObserved, decimals: 1)) m, "
                out += "expected \(nni.meanExpected.map { NumberText.fixed($0, decimals: 1) } ?? "—") m, "
                out += "NNI \(nni.nni.map { NumberText.fixed($0, decimals: 3) } ?? "—"), "
                out += "z \(nni.z.map { NumberText.fixed($0, decimals: 2) } ?? "—"), p \(nni.p.map(pText) ?? "—"); "
                out += "A = \(NumberText.grouped(nni.studyAreaM2 / 1e6, decimals: 2)) km²\n"
            }
            if let r = group.ripley {
                var t = TextTable(headers: ["r (m)", "K (m²)", "L (m)", "L low", "L high", "p"])
                t.rightAligned = Set(0..<6)
                for i in r.radii.indices {
                    t.rows.append([
                        NumberText.grouped(r.radii[i], decimals: 0), NumberText.grouped(r.k[i], decimals: 0),
                        NumberText.fixed(r.l[i], decimals: 1),
                        r.envelopeLow.map { NumberText.fixed($0[i], decimals: 1) } ?? "—",
                        r.envelopeHigh.map { NumberText.fixed($0[i], decimals: 1) } ?? "—",
                        r.p.map { NumberText.fixed($0[i], decimals: 3) } ?? "—",
                    ])
                }
                out += t.render(indent: "  ")
                if let method = r.envelopeMethod { out += "  envelope: \(method.rawValue)\n" }
            }
        }
        return out
    }

    /// CSV: one row per cluster of every group (noise is not a cluster).
    public static func csv(_ report: ClusterReport) -> String {
        var rows: [[String]] = []
        for group in report.groups {
            for c in group.clusters {
                rows.append([
                    group.industry, String(c.id), String(c.size), String(c.coreCount), CSVText.number(c.outputWan),
                    c.industries.joined(separator: " "), c.parks.joined(separator: " "), CSVText.number(c.centroid.x),
                    CSVText.number(c.centroid.y), c.hullKind.rawValue, CSVText.number(c.hullAreaM2),
                ])
            }
        }
        return CSVText.table(
            header: ["industry", "cluster", "size", "core_count", "output_wan", "industries", "parks", "centroid_lon", "centroid_lat",
                     "hull", "hull_area_m2"],
            rows: rows)
    }

    private static func abbreviated(_ items: [String]) -> String {
        items.count <= 3 ? items.joined(separator: ",") : items.prefix(3).joined(separator: ",") + " +\(items.count - 3)"
    }

    private static func pText(_ p: Double) -> String { p < 0.001 ? "<0.001" : NumberText.fixed(p, decimals: 3) }
}
