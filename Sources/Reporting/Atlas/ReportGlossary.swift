import GeoCore
import LayoutAnalysis
import LayoutModel

/// The terms the `analyze` report uses, explained once at its foot (a collapsed
/// `<details>` block, so the page stays self-contained). The README's Glossary
/// section explains the same terms at more length, with references; a test checks
/// that it covers every term listed here.
public enum ReportGlossary {
    /// (term, Chinese name, one-sentence explanation), in the order the report meets them.
    public static let entries: [(term: String, zh: String, text: String)] = [
        ("A, A2, B21, B22, D, G", "土地集约利用评价分类",
         "Land categories of the development-zone land-use survey: A built land; A2 built industrial and warehouse "
            + "land (land use under 10 工矿 or 11 仓储); D supplied land (built, under construction, supplied unbuilt or "
            + "idle); G idle land (闲置); B21 land ready for supply but not supplied (已达到供地条件); B22 land not yet "
            + "ready (未达到供地条件)."),
        ("亩 (mu)", "亩", "Chinese unit of area: 1 亩 = 10 000 / 15 m² ≈ 666.7 m²; 15 亩 = 1 ha."),
        ("万元 (wan yuan)", "万元", "10 000 yuan (CNY); output, tax and investment are given in 万元."),
        ("亩均效益 (per-mu benefit)", "亩均效益",
         "Tax and revenue of an enterprise per 亩 of its land, combined into a score and graded A–D."),
        ("DBSCAN", "密度聚类",
         "Density-based clustering: a point with at least min_points points (itself included) within eps metres "
            + "is a core point; cores within eps of each other form a cluster; points near no core are noise."),
        ("Clark–Evans NNI", "最近邻指数",
         "Nearest-neighbour index: the mean distance from each enterprise to its nearest neighbour divided by the "
            + "mean expected under CSR; below 1 clustered, about 1 random, above 1 evenly spread."),
        ("Ripley's K and L", "Ripley K/L 函数",
         "K(r) counts the pairs of enterprises closer than r, scaled by the density; L(r) = √(K(r)/π) equals r under "
            + "CSR, so L(r) above r (and above the CSR envelope) means clustering at distance r."),
        ("CSR", "完全空间随机",
         "Complete spatial randomness: the same number of points placed independently and uniformly in the study "
            + "area; the null model of NNI and of the K envelope (99 simulated patterns, or for groups above 10,000 "
            + "enterprises the exact CSR mean and variance of K at the same level; --envelope)."),
        ("Gi* (Getis–Ord)", "热点分析",
         "For each enterprise, a z-score comparing the sum of a value (e.g. output) within the distance band, the "
            + "enterprise included, with what a random arrangement would give; high positive z = hot spot, "
            + "high negative z = cold spot."),
        ("Moran's I", "全局莫兰指数",
         "One number for the whole city: positive when neighbouring enterprises (within the band) have similar "
            + "values, near 0 when values are arranged at random."),
        ("LQ", "区位商",
         "Location quotient: an industry's share of a park's employees (or output, or count) divided by its share "
            + "in the whole city; above 1 the industry is concentrated in that park."),
        ("HHI", "赫芬达尔指数",
         "Herfindahl–Hirschman index: the sum of squared shares of an industry over the parks, normalised so that "
            + "0 means spread evenly and 1 all in one park; for a park's mix, the shares are its industries'."),
        ("Ellison–Glaeser γ", "EG 集聚指数",
         "Concentration of an industry across parks beyond what the parks' sizes and the industry's few large "
            + "firms explain; about 0 is random, above 0.05 strongly concentrated."),
        ("CLQ", "共位商",
         "Co-location quotient A→B: how often the nearest neighbour of an A enterprise is a B enterprise, divided "
            + "by B's share of all enterprises; above 1 A attracts B."),
    ]

    /// The values of the `glossary` template.
    static var context: [[String: Any]] {
        entries.map { ["term": $0.term, "termZh": $0.zh, "explanation": $0.text] }
    }

    /// The glossary as a collapsed `<details id="glossary">` block (the `glossary` template of `AtlasTemplates`).
    public static func html() -> String {
        AtlasPages.library.render(["glossary": context], withTemplate: "glossary") ?? ""
    }
}
