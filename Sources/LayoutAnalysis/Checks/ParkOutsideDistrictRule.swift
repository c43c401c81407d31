import GEOS
import GeoCore
import PROJ

/// `park-outside-district` (docs/analyses.md §4, warning): more than
/// `checks.park_outside_district_share` (default 0.05, strictly above) of a
/// park's area lies outside the district its `district` property declares.
/// Parks without a declared district (their district is derived as the one
/// holding the largest share) or declaring an unknown code are not judged.
/// Areas are ellipsoidal (GRS80) of the GEOS difference on lon/lat; the
/// geometry is the part outside.
enum ParkOutsideDistrictRule {
    static func evaluate(_ c: CheckContext) throws -> [Finding] {
        let districts = Dictionary(c.dataset.districts.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var findings: [Finding] = []
        for (p, park) in c.dataset.parks.enumerated() {
            guard let code = park.district, let district = districts[code], c.parkAreas[p] > 0 else { continue }
            let outside = try c.parkHandles[p].difference(GeometryHandle(district.geometry)).geometry()
            let share = Geodesic.grs80.area(of: outside) / c.parkAreas[p]
            guard share > c.thresholds.parkOutsideDistrictShare else { continue }
            findings.append(Finding(
                rule: .parkOutsideDistrict, severity: .warning, subject: FindingSubject(.park, park.id),
                messageZh: "\(c.label(park: p))有\(CheckText.percent(share))的面积位于所属\(district.name)（\(code)）之外",
                messageEn: "\(CheckText.percent(share)) of \(park.id)'s area lies outside its district \(code) \(district.name)",
                value: share, threshold: c.thresholds.parkOutsideDistrictShare, unit: .ratio,
                parks: [park.id], district: code, geometry: .multiPolygon(outside.polygons)))
        }
        return findings
    }
}
