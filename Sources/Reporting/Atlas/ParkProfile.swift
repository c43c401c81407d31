import LayoutAnalysis
import LayoutModel

/// The figures of one park page (issue 17), computed from the finished analyses:
/// no geometry work, so every page costs a pass over the enterprises at most.
///
/// A park's enterprises are those of the park and of its sub-parks (园中园), as in
/// the `leading-industry-share` rule: `AgglomerationAnalysis.unitOfEnterprise`
/// places an enterprise in the smallest covering park, and a parent collects its
/// sub-parks' enterprises, each judged against the parent's own codes.
public struct ParkProfile: Sendable {
    /// One industry (division or class) of the park.
    public struct IndustryShare: Sendable, Hashable {
        public var code: String
        public var name: String
        /// Shares 0–1 of the park's output, tax and employees; nil when the park has none of that measure.
        public var output: Double?
        public var tax: Double?
        public var employees: Double?
        public var enterprises: Int
        /// Some declared (main or featured) code covers or lies within this industry.
        public var declared: Bool
        /// Output share in this industry that no declared code covers ≥ `ParkProfile.largeShare`.
        public var largeUndeclared: Bool
    }

    /// A declared code and the output share it covers (0 when nothing in the park is of it).
    public struct DeclaredIndustry: Sendable, Hashable {
        public var code: String
        public var name: String
        /// "main" or "featured".
        public var role: String
        public var outputShare: Double?
        public var enterprises: Int
        public var absent: Bool { enterprises == 0 }
    }

    /// An undeclared industry whose output share is at least this is "large but undeclared".
    public static let largeShare = 0.10
    /// Divisions whose classes are listed: the leading ones by output.
    public static let leadingDivisions = 3

    public var parkIndex: Int
    /// Enterprise indices of the park (with its sub-parks).
    public var members: [Int]
    public var totalOutput: Double
    public var totalTax: Double
    public var totalEmployees: Double
    /// Divisions by output share, largest first.
    public var divisions: [IndustryShare]
    /// Classes of the leading divisions, by output share.
    public var leadingClasses: [IndustryShare]
    public var declared: [DeclaredIndustry]
    public var cap: PositioningCap
    public var mainCount: Int
    public var featuredCount: Int
    /// Output share in industries the park's main and featured codes cover; nil without output.
    public var leadingShare: Double?
    public var leadingThreshold: Double

    public var capName: String { cap.main == 3 && cap.featured == 2 ? "三主两特" : cap.main == 2 && cap.featured == 2 ? "两主两特" : "\(cap.main)主\(cap.featured)特" }
    public var capExceeded: Bool { mainCount > cap.main || featuredCount > cap.featured }

    /// Indices of the parks below `p` (sub-parks, their sub-parks, …).
    public static func descendants(of p: Int, in parks: [Park]) -> [Int] {
        var out: [Int] = []
        var frontier = [parks[p].id]
        while let id = frontier.popLast() {
            for (q, park) in parks.enumerated() where park.parent == id && !out.contains(q) {
                out.append(q)
                frontier.append(park.id)
            }
        }
        return out.sorted()
    }

    /// Enterprise members of every park, with sub-parks, from the smallest-park assignment `unitOfEnterprise`.
    public static func members(parks: [Park], unitOfEnterprise: [Int?]) -> [[Int]] {
        var own = [[Int]](repeating: [], count: parks.count)
        for (e, u) in unitOfEnterprise.enumerated() {
            if let u, u < parks.count { own[u].append(e) }
        }
        return parks.indices.map { p in
            let all = ([p] + descendants(of: p, in: parks)).flatMap { own[$0] }
            return all.sorted()
        }
    }

    /// `leadingShare` alone (the report's featured-parks table needs no more): the same sums in
    /// the same order as `init`, without the per-industry tables that make a profile costly
    /// (over half of report.html's time at a province of 10 M enterprises).
    public static func leadingShare(park p: Int, members: [Int], dataset: Dataset) -> Double? {
        let park = dataset.parks[p], enterprises = dataset.enterprises
        let codes = park.mainIndustries + park.featuredIndustries
        var totalOutput = 0.0, fitting = 0.0
        for e in members {
            let output = enterprises.output(at: e) ?? 0
            totalOutput += output
            if codes.contains(where: { $0.covers(enterprises.industry(at: e)) }) { fitting += output }
        }
        return totalOutput > 0 ? fitting / totalOutput : nil
    }

    public init(park p: Int, members: [Int], dataset: Dataset, thresholds: CheckThresholds) {
        let park = dataset.parks[p]
        let enterprises = dataset.enterprises
        parkIndex = p
        self.members = members
        let codes = park.mainIndustries + park.featuredIndustries
        var totalOutput = 0.0, totalTax = 0.0, totalEmployees = 0.0, fitting = 0.0
        struct Sums { var output = 0.0, tax = 0.0, employees = 0.0, count = 0, undeclaredOutput = 0.0 }
        var byDivision: [IndustryCode: Sums] = [:], byClass: [IndustryCode: Sums] = [:]
        for e in members {
            // From the columns: no enterprise (its id, name and properties) is built.
            let industry = enterprises.industry(at: e)
            let output = enterprises.output(at: e) ?? 0, tax = enterprises.tax(at: e) ?? 0, employees = Double(enterprises.employees(at: e) ?? 0)
            totalOutput += output
            totalTax += tax
            totalEmployees += employees
            let fits = codes.contains { $0.covers(industry) }
            if fits { fitting += output }
            for (key, table) in [(industry.ancestor(at: .division) ?? industry, 0), (industry.ancestor(at: .class) ?? industry, 1)] {
                var s = (table == 0 ? byDivision : byClass)[key] ?? Sums()
                s.output += output
                s.tax += tax
                s.employees += employees
                s.count += 1
                if !fits { s.undeclaredOutput += output }
                if table == 0 { byDivision[key] = s } else { byClass[key] = s }
            }
        }
        self.totalOutput = totalOutput
        self.totalTax = totalTax
        self.totalEmployees = totalEmployees
        func ratio(_ a: Double, _ b: Double) -> Double? { b > 0 ? a / b : nil }
        func share(_ c: IndustryCode, _ s: Sums) -> IndustryShare {
            let code = c.value
            let declared = codes.contains { $0.covers(c) || c.covers($0) }
            let undeclared = ratio(s.undeclaredOutput, totalOutput) ?? 0
            return IndustryShare(
                code: code, name: IndustryTable.nearestKnown(c)?.nameZh ?? code, output: ratio(s.output, totalOutput),
                tax: ratio(s.tax, totalTax), employees: ratio(s.employees, totalEmployees), enterprises: s.count,
                declared: declared, largeUndeclared: undeclared >= Self.largeShare)
        }
        let order: (IndustryShare, IndustryShare) -> Bool = { ($0.output ?? 0, $1.code) > ($1.output ?? 0, $0.code) }
        divisions = byDivision.map { share($0.key, $0.value) }.sorted(by: order)
        let leading = Set(divisions.prefix(Self.leadingDivisions).map(\.code))
        leadingClasses = byClass.filter { leading.contains(($0.key.ancestor(at: .division) ?? $0.key).value) }.map { share($0.key, $0.value) }.sorted(by: order)
        var declared: [DeclaredIndustry] = []
        for (list, role) in [(park.mainIndustries, "main"), (park.featuredIndustries, "featured")] {
            for code in list {
                var output = 0.0, count = 0
                for e in members where code.covers(enterprises.industry(at: e)) {
                    output += enterprises.output(at: e) ?? 0
                    count += 1
                }
                declared.append(DeclaredIndustry(code: code.value, name: IndustryTable.nearestKnown(code)?.nameZh ?? code.value, role: role,
                                                 outputShare: ratio(output, totalOutput), enterprises: count))
            }
        }
        self.declared = declared
        cap = thresholds.positioningCaps[park.level] ?? park.level.positioningCap
        mainCount = Set(park.mainIndustries).count
        featuredCount = Set(park.featuredIndustries).count
        leadingShare = ratio(fitting, totalOutput)
        leadingThreshold = thresholds.leadingIndustryShare
    }
}
