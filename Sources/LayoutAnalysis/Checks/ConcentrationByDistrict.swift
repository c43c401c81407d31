import GeoCore
import LayoutModel

/// 工业向园区集中 for the city, every county and every functional zone: the share
/// of industrial enterprises (section C) inside parks, by count and by output
/// (`IndustrialConcentration`), against `checks.outside_parks_target`.
///
/// The definitions of the `outside-parks` rule (docs/analyses.md §4): "inside" =
/// covered by some park; an administrative district takes the industrial
/// enterprises its polygon covers, the first in dataset order on a shared
/// boundary, so counties partition the city as in the rule. A functional zone
/// overlaps counties, so it is located on its own: every industrial enterprise
/// its polygon covers. The rule reports only the units below the target; this
/// table has every unit, for the city page's chart.
public struct ConcentrationByDistrict: Sendable {
    public struct Unit: Sendable, Hashable {
        /// District code, or "city".
        public var code: String
        public var name: String
        /// Nil for the city.
        public var kind: DistrictKind?
        public var figures: IndustrialConcentration
    }

    /// The city first, then administrative districts, then functional zones (dataset order within each).
    public var units: [Unit]
    public var target: Double

    /// - Parameter parkOfEnterprise: per enterprise, the park it lies in (any covering park) or nil.
    public static func compute(dataset: Dataset, parkOfEnterprise: [Int?], threads: Int) throws -> ConcentrationByDistrict {
        let enterprises = dataset.enterprises
        let inPark = parkOfEnterprise.map { $0 != nil }
        let industrial = enterprises.indices.filter { enterprises.industry(at: $0).section == "C" }
        let points = industrial.map { enterprises.location(at: $0) ?? Position(x: .nan, y: .nan) }
        /// The figures of the industrial enterprises `members` (indices into `industrial`).
        func figures(_ members: [Int]) -> IndustrialConcentration {
            IndustrialConcentration(enterprises: enterprises, rows: members.lazy.map { industrial[$0] }, inPark: inPark)
        }
        var units = [Unit(code: "city", name: "全市", kind: nil,
                          figures: IndustrialConcentration(enterprises: enterprises, inPark: inPark))]
        let administrative = dataset.districts.indices.filter { dataset.districts[$0].kind == .administrative }
        let located = try PointLocator.firstCovering(
            polygons: administrative.map { dataset.districts[$0].geometry }, points: points, threads: threads)
        // Members of every county in one pass (ascending within each), not a filter over all
        // industrial enterprises per county: 156 counties × millions at a province (issue 19).
        var members = [[Int]](repeating: [], count: administrative.count)
        for (k, d) in located.enumerated() { if let d { members[d].append(k) } }
        for (d, district) in administrative.enumerated() {
            let x = dataset.districts[district]
            units.append(Unit(code: x.code, name: x.name, kind: .administrative, figures: figures(members[d])))
        }
        for x in dataset.districts where x.kind == .functional {
            let covered = try PointLocator.firstCovering(polygons: [x.geometry], points: points, threads: threads)
            units.append(Unit(code: x.code, name: x.name, kind: .functional, figures: figures(covered.indices.filter { covered[$0] != nil })))
        }
        return ConcentrationByDistrict(units: units, target: dataset.policy.checks.outsideParksTarget)
    }
}
