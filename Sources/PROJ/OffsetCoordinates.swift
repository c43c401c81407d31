import Foundation
import GeoCore

/// The GCJ-02 ("Mars") and BD-09 offsets of Chinese web maps, with the public formulas.
///
/// - WGS84 → GCJ-02: the leaked/published formula on the Krasovsky 1940 ellipsoid
///   (a = 6378245.0 m, e² = 0.00669342162296594323), as in eviltransform and coord-convert.
/// - GCJ-02 → WGS84: no closed form exists; solved by fixed-point iteration on the forward
///   formula until the round trip is within 1e-9° (the offset's derivative is ~1e-5, so
///   three or four steps suffice).
/// - GCJ-02 ↔ BD-09: Baidu's published formula (x_pi = π·3000/180, offsets 0.0065, 0.006);
///   the published inverse is approximate (~1e-6°), so it is refined by the same iteration.
///
/// Positions are (lon, lat) in degrees. Points outside China (the rectangle
/// 73.66–135.05°E, 3.86–53.55°N) are returned unchanged, as the formulas' users do.
/// Heights are carried through untouched. The rectangle test is applied to the input of
/// each conversion, so within ~0.01° of its edge a point may be shifted one way and not the
/// other (as in every implementation of these formulas).
public enum OffsetCoordinates {
    static let krasovskyA = 6_378_245.0
    static let krasovskyEE = 0.00669342162296594323
    static let xPi = Double.pi * 3000.0 / 180.0
    /// Round-trip tolerance of the iterative inverses, degrees.
    public static let inverseTolerance = 1e-9
    private static let maxIterations = 30

    /// Whether (lon, lat) lies in the rectangle where the offsets apply (boundaries included).
    public static func isInsideChina(lon: Double, lat: Double) -> Bool {
        lon >= 73.66 && lon <= 135.05 && lat >= 3.86 && lat <= 53.55
    }

    // MARK: WGS84 ↔ GCJ-02

    /// WGS84 → GCJ-02.
    public static func wgs84ToGCJ02(lon: Double, lat: Double) -> (lon: Double, lat: Double) {
        guard isInsideChina(lon: lon, lat: lat) else { return (lon, lat) }
        let d = gcjOffset(lon: lon, lat: lat)
        return (lon + d.lon, lat + d.lat)
    }

    /// GCJ-02 → WGS84, iterated until `wgs84ToGCJ02` of the result is within 1e-9° of the input.
    public static func gcj02ToWGS84(lon: Double, lat: Double) -> (lon: Double, lat: Double) {
        guard isInsideChina(lon: lon, lat: lat) else { return (lon, lat) }
        return invert(lon: lon, lat: lat) { x, y in
            let d = gcjOffset(lon: x, lat: y)
            return (x + d.lon, y + d.lat)
        }
    }

    // MARK: GCJ-02 ↔ BD-09

    /// GCJ-02 → BD-09 (Baidu's published formula).
    public static func gcj02ToBD09(lon: Double, lat: Double) -> (lon: Double, lat: Double) {
        guard isInsideChina(lon: lon, lat: lat) else { return (lon, lat) }
        return bdForward(lon: lon, lat: lat)
    }

    /// BD-09 → GCJ-02: the published inverse, refined until the round trip is within 1e-9°.
    public static func bd09ToGCJ02(lon: Double, lat: Double) -> (lon: Double, lat: Double) {
        guard isInsideChina(lon: lon, lat: lat) else { return (lon, lat) }
        let x = lon - 0.0065, y = lat - 0.006
        let z = (x * x + y * y).squareRoot() - 0.00002 * sin(y * xPi)
        let theta = atan2(y, x) - 0.000003 * cos(x * xPi)
        let start = (lon: z * cos(theta), lat: z * sin(theta))
        return invert(lon: lon, lat: lat, start: start, forward: bdForward)
    }

    // MARK: WGS84 ↔ BD-09

    /// WGS84 → BD-09 (through GCJ-02).
    public static func wgs84ToBD09(lon: Double, lat: Double) -> (lon: Double, lat: Double) {
        guard isInsideChina(lon: lon, lat: lat) else { return (lon, lat) }
        let g = wgs84ToGCJ02(lon: lon, lat: lat)
        return bdForward(lon: g.lon, lat: g.lat)
    }

    /// BD-09 → WGS84 (through GCJ-02).
    public static func bd09ToWGS84(lon: Double, lat: Double) -> (lon: Double, lat: Double) {
        guard isInsideChina(lon: lon, lat: lat) else { return (lon, lat) }
        let g = bd09ToGCJ02(lon: lon, lat: lat)
        return invert(lon: g.lon, lat: g.lat) { x, y in
            let d = gcjOffset(lon: x, lat: y)
            return (x + d.lon, y + d.lat)
        }
    }

    // MARK: Formulas

    /// The GCJ-02 shift (degrees) at a WGS84 position, without the China test.
    static func gcjOffset(lon: Double, lat: Double) -> (lon: Double, lat: Double) {
        let x = lon - 105.0, y = lat - 35.0
        var dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * abs(x).squareRoot()
        dLat += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        dLat += (20.0 * sin(y * .pi) + 40.0 * sin(y / 3.0 * .pi)) * 2.0 / 3.0
        dLat += (160.0 * sin(y / 12.0 * .pi) + 320.0 * sin(y * .pi / 30.0)) * 2.0 / 3.0
        var dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * abs(x).squareRoot()
        dLon += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        dLon += (20.0 * sin(x * .pi) + 40.0 * sin(x / 3.0 * .pi)) * 2.0 / 3.0
        dLon += (150.0 * sin(x / 12.0 * .pi) + 300.0 * sin(x / 30.0 * .pi)) * 2.0 / 3.0
        let radLat = lat / 180.0 * .pi
        let s = sin(radLat)
        let magic = 1 - krasovskyEE * s * s
        let sqrtMagic = magic.squareRoot()
        dLat = (dLat * 180.0) / ((krasovskyA * (1 - krasovskyEE)) / (magic * sqrtMagic) * .pi)
        dLon = (dLon * 180.0) / (krasovskyA / sqrtMagic * cos(radLat) * .pi)
        return (dLon, dLat)
    }

    /// GCJ-02 → BD-09 without the China test.
    static func bdForward(lon: Double, lat: Double) -> (lon: Double, lat: Double) {
        let x = lon, y = lat
        let z = (x * x + y * y).squareRoot() + 0.00002 * sin(y * xPi)
        let theta = atan2(y, x) + 0.000003 * cos(x * xPi)
        return (z * cos(theta) + 0.0065, z * sin(theta) + 0.006)
    }

    /// Solves forward(p) = target by p ← p − (forward(p) − target); the forward maps are
    /// the identity plus a slowly varying shift, so this contracts fast.
    private static func invert(
        lon: Double, lat: Double, start: (lon: Double, lat: Double)? = nil,
        forward: (Double, Double) -> (lon: Double, lat: Double)
    ) -> (lon: Double, lat: Double) {
        var p = start ?? (lon, lat)
        for _ in 0..<maxIterations {
            let f = forward(p.lon, p.lat)
            let eLon = f.lon - lon, eLat = f.lat - lat
            if abs(eLon) < inverseTolerance / 8, abs(eLat) < inverseTolerance / 8 { break }
            p = (p.lon - eLon, p.lat - eLat)
        }
        return p
    }
}
