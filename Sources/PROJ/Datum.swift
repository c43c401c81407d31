import Foundation
import GeoCore

/// The horizontal "datums" that Chinese web maps publish coordinates in, for `--datum`.
///
/// `gcj02` and `bd09` are not geodetic datums but obfuscating offsets of WGS84
/// (see `OffsetCoordinates`); PROJ knows nothing of them, so they are converted
/// here, before any PROJ transformation, always in (lon, lat) degrees.
public enum Datum: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case wgs84
    case gcj02
    case bd09

    /// The `--datum` spelling: `wgs84`, `gcj02` or `bd09`.
    public var description: String { rawValue }

    /// Reads "wgs84", "gcj02", "bd09" (case-insensitive; "gcj-02", "bd-09", "wgs-84" accepted).
    public init?(name: String) {
        let key = name.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
        self.init(rawValue: key)
    }

    /// Converts one (lon, lat) from this datum to WGS84.
    public func toWGS84(lon: Double, lat: Double) -> (lon: Double, lat: Double) {
        switch self {
        case .wgs84: (lon, lat)
        case .gcj02: OffsetCoordinates.gcj02ToWGS84(lon: lon, lat: lat)
        case .bd09: OffsetCoordinates.bd09ToWGS84(lon: lon, lat: lat)
        }
    }

    /// Converts one (lon, lat) from WGS84 to this datum.
    public func fromWGS84(lon: Double, lat: Double) -> (lon: Double, lat: Double) {
        switch self {
        case .wgs84: (lon, lat)
        case .gcj02: OffsetCoordinates.wgs84ToGCJ02(lon: lon, lat: lat)
        case .bd09: OffsetCoordinates.wgs84ToBD09(lon: lon, lat: lat)
        }
    }

    /// Converts one position (x = lon, y = lat, degrees) to WGS84; `z` is kept.
    public func toWGS84(_ position: Position) -> Position {
        let p = toWGS84(lon: position.x, lat: position.y)
        return Position(x: p.lon, y: p.lat, z: position.z)
    }

    /// Converts one WGS84 position (x = lon, y = lat, degrees) to this datum; `z` is kept.
    public func fromWGS84(_ position: Position) -> Position {
        let p = fromWGS84(lon: position.x, lat: position.y)
        return Position(x: p.lon, y: p.lat, z: position.z)
    }

    /// Converts a whole sequence in place in its flat buffer (heights untouched).
    public func toWGS84(_ sequence: CoordinateSequence) -> CoordinateSequence {
        self == .wgs84 ? sequence : sequence.mappingLonLat(toWGS84(lon:lat:))
    }

    /// Converts a whole WGS84 sequence to this datum in its flat buffer (heights untouched).
    public func fromWGS84(_ sequence: CoordinateSequence) -> CoordinateSequence {
        self == .wgs84 ? sequence : sequence.mappingLonLat(fromWGS84(lon:lat:))
    }

    /// Converts every coordinate of a geometry to WGS84.
    public func toWGS84(_ geometry: Geometry) -> Geometry {
        self == .wgs84 ? geometry : geometry.mapSequences { toWGS84($0) }
    }

    /// Converts every coordinate of a WGS84 geometry to this datum.
    public func fromWGS84(_ geometry: Geometry) -> Geometry {
        self == .wgs84 ? geometry : geometry.mapSequences { fromWGS84($0) }
    }
}

extension CoordinateSequence {
    /// A copy with every (x, y) replaced by `transform(x, y)`; z kept.
    func mappingLonLat(_ transform: (Double, Double) -> (lon: Double, lat: Double)) -> CoordinateSequence {
        var out = self
        let d = dimension
        out.storage.withUnsafeMutableBufferPointer { buf in
            var i = 0
            while i + 1 < buf.count {
                let p = transform(buf[i], buf[i + 1])
                buf[i] = p.lon
                buf[i + 1] = p.lat
                i += d
            }
        }
        return out
    }
}
