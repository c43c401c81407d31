#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GeoCore

/// Seeded synthetic land parcels around Mianyang for the read/write benchmark:
/// star-shaped polygons of 5–40 vertices (coordinates with 7 decimals, as
/// survey exports have), 10 % with a hole, 10 % MultiPolygons, and 8
/// properties including Chinese strings.
enum SyntheticParcels {
    static func collection(features count: Int, seed: UInt64 = 20_241_127) -> FeatureCollection {
        var rng = SplitMix64(seed: seed)
        let uses = ["M1", "M2", "M3", "W1", "B1", "R2", "S4", "U1"]
        let developers = ["绵阳科技城发展投资集团", "四川长虹电子控股集团", "九洲集团", "东方电气", "涪城区国资公司"]
        var features: [Feature] = []
        features.reserveCapacity(count)
        for i in 0..<count {
            let cx = Double.random(in: 104.3...105.2, using: &rng)
            let cy = Double.random(in: 31.0...31.9, using: &rng)
            let radius = Double.random(in: 0.0005...0.004, using: &rng)
            let kind = Int.random(in: 0..<10, using: &rng)
            let exterior = ring(cx: cx, cy: cy, radius: radius, using: &rng)
            let geometry: Geometry
            switch kind {
            case 0:
                geometry = .polygon(Polygon(exterior: exterior, holes: [ring(cx: cx, cy: cy, radius: radius * 0.3, using: &rng)]))
            case 1:
                let second = ring(cx: cx + radius * 3, cy: cy, radius: radius * 0.8, using: &rng)
                geometry = .multiPolygon([Polygon(exterior: exterior), Polygon(exterior: second)])
            default:
                geometry = .polygon(Polygon(exterior: exterior))
            }
            var properties = JSONObject()
            properties.append(key: "code", value: .string("MY-P-\(String(i + 100_000))"))
            properties.append(key: "name", value: .string("绵阳工业园区第\(i)号地块"))
            properties.append(key: "land_use", value: .string(uses[Int.random(in: 0..<uses.count, using: &rng)]))
            properties.append(key: "area_m2", value: .double((Double.random(in: 800...90_000, using: &rng) * 100).rounded() / 100))
            properties.append(key: "plot_ratio", value: .double((Double.random(in: 0.3...3.5, using: &rng) * 100).rounded() / 100))
            properties.append(key: "year", value: .integer(Int64.random(in: 1995...2024, using: &rng)))
            properties.append(key: "developer", value: .string(developers[Int.random(in: 0..<developers.count, using: &rng)]))
            properties.append(key: "vacant", value: .bool(Bool.random(using: &rng)))
            features.append(Feature(id: .integer(Int64(i)), geometry: geometry, properties: properties))
        }
        return FeatureCollection(features: features)
    }

    /// A closed counter-clockwise star-shaped ring of 5–40 distinct vertices.
    private static func ring(cx: Double, cy: Double, radius: Double, using rng: inout SplitMix64) -> CoordinateSequence {
        let n = Int.random(in: 5...40, using: &rng)
        var storage: [Double] = []
        storage.reserveCapacity(2 * n + 2)
        for k in 0..<n {
            let angle = 2 * Double.pi * Double(k) / Double(n)
            let r = radius * Double.random(in: 0.6...1.0, using: &rng)
            storage.append(((cx + r * cos(angle)) * 1e7).rounded() / 1e7)
            storage.append(((cy + r * sin(angle)) * 1e7).rounded() / 1e7)
        }
        storage.append(storage[0])
        storage.append(storage[1])
        return CoordinateSequence(storage: storage, hasZ: false)
    }
}
