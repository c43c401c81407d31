import GeoCore
import GeoJSON
import PROJ

/// A coordinate system named on the command line: a PROJ-understood CRS
/// (`EPSG:n`, a PROJ string, WKT, PROJJSON) or a Chinese web-map datum
/// (`gcj02`, `bd09`: lon/lat on WGS84 with the published obfuscation offsets).
public enum CoordinateSystemChoice: Sendable, Hashable, CustomStringConvertible {
    case crs(CoordinateReferenceSystem)
    case webMap(Datum)

    /// Parses a user-supplied name; `wgs84` is EPSG:4326.
    public init(parsing text: String) throws {
        let lower = text.lowercased()
        if let datum = Datum(name: lower), datum != .wgs84 {
            self = .webMap(datum)
            return
        }
        if lower == "wgs84" {
            self = .crs(.wgs84)
            return
        }
        do {
            self = .crs(try CoordinateReferenceSystem(text))
        } catch {
            throw InputError.unknownCRS(file: "command line", name: text, message: error.description)
        }
    }

    /// Whether coordinates in this system are written as GeoJSON lon/lat without a `crs` member.
    public var isLonLat: Bool {
        switch self {
        case .webMap: return true
        case .crs(let c): return c.epsgCode.map { [4326, 4490, 4979, 4480].contains($0) } ?? false
        }
    }

    /// The CRS definition to record in a written file: the CRS itself, or lon/lat WGS84 for a web-map datum.
    public var writtenCRS: String {
        switch self {
        case .crs(let c): c.epsgCode.map { "EPSG:\($0)" } ?? c.definition
        case .webMap: "EPSG:4326"
        }
    }

    public var description: String {
        switch self {
        case .crs(let c): c.description
        case .webMap(let d): "\(d) (web-map lon/lat)"
        }
    }
}

/// Reprojection of whole feature collections between coordinate systems,
/// passing through WGS84 lon/lat when a web-map datum is involved.
public enum CoordinateConversion {
    /// The converted collection and the `crs` member name to write (nil for lon/lat).
    public static func convert(
        _ collection: FeatureCollection, from source: CoordinateSystemChoice, to target: CoordinateSystemChoice,
        fileName: String
    ) throws -> (collection: FeatureCollection, crsMember: String?) {
        var features = collection.features
        // Step 1: to a PROJ CRS we can transform from.
        let sourceCRS: CoordinateReferenceSystem
        switch source {
        case .webMap(let datum):
            for i in features.indices { features[i].geometry = features[i].geometry.map { datum.toWGS84($0) } }
            sourceCRS = .wgs84
        case .crs(let c):
            sourceCRS = c
        }
        // Step 2: to the target CRS (WGS84 when the target is a web-map datum).
        let targetCRS: CoordinateReferenceSystem
        switch target {
        case .webMap: targetCRS = .wgs84
        case .crs(let c): targetCRS = c
        }
        if sourceCRS != targetCRS && !(source.isLonLat && target.isLonLat && sourceCRS.isGeographic && targetCRS.isGeographic) {
            var c = collection
            c.features = features
            features = try LonLatInput.reproject(c, from: sourceCRS.definition, to: targetCRS, fileName: fileName).features
        }
        // Step 3: apply the web-map offsets of the target.
        if case .webMap(let datum) = target {
            for i in features.indices { features[i].geometry = features[i].geometry.map { datum.fromWGS84($0) } }
        }
        var out = collection
        out.features = features
        out.crs = nil
        let member: String? = target.isLonLat ? nil : targetCRS.epsgCode.map { "EPSG:\($0)" }
        return (out, member)
    }
}
