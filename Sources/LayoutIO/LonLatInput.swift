import GeoCore
import GeoJSON
import PROJ

/// A GeoJSON file read and normalised to longitude/latitude on WGS84.
public struct LonLatCollection: Sendable {
    /// The features with lon/lat (WGS84 ≈ CGCS2000) coordinates.
    public var collection: FeatureCollection
    /// The CRS the file declared with the legacy `crs` member, normalised
    /// (e.g. `"EPSG:4544"`), or `nil` when it declared none (RFC 7946 lon/lat).
    public var declaredCRS: String?
    /// The web-map datum the coordinates were converted from (`.wgs84`: none).
    public var datum: Datum
    /// How the features were laid out in the file.
    public var format: GeoJSONInputFormat
    /// Size of the file in bytes.
    public var byteCount: Int
    /// Structural errors inside single features (an unclosed ring, …), in
    /// feature order; each such feature is in `collection` at its index with a
    /// null geometry (see `GeoJSONReader.readFeatureCollection(_:fileName:featureErrors:)`).
    public var featureErrors: [GeoJSONError] = []

}

/// Reads GeoJSON files (a document, newline-delimited features or an RFC 8142
/// sequence) into lon/lat WGS84 coordinates.
///
/// - A legacy `crs` member naming a projected CRS (e.g.
///   `urn:ogc:def:crs:EPSG::4544`) is honoured: coordinates are reprojected
///   with PROJ, axis order normalised to easting/northing → lon/lat.
/// - A declared EPSG:4326, EPSG:4490 (CGCS2000) or OGC:CRS84 is taken as
///   lon/lat without change: docs/dataset.md treats CGCS2000 as WGS84 (they differ
///   by centimetres), and GeoJSON files are written lon/lat whatever the
///   authority's axis order says.
/// - `datum` converts Amap/Tencent (GCJ-02) or Baidu (BD-09) coordinates to
///   WGS84 after any reprojection.
public enum LonLatInput {
    /// - Parameter collectingFeatureErrors: set aside structural errors inside
    ///   single features in `featureErrors` and go on (the dataset loader, which
    ///   reports every problem at once); when false (callers that need every
    ///   geometry) the first one is thrown.
    public static func read(path: String, datum: Datum = .wgs84, collectingFeatureErrors: Bool = false) throws -> LonLatCollection {
        let bytes: [UInt8]
        do {
            bytes = try GeoJSONFile.readBytes(path: path)
        } catch let error as GeoJSONError {
            throw InputError.malformed(error)
        }
        return try read(bytes: bytes, fileName: path, datum: datum, collectingFeatureErrors: collectingFeatureErrors)
    }

    public static func read(
        bytes: [UInt8], fileName: String, datum: Datum = .wgs84, collectingFeatureErrors: Bool = false
    ) throws -> LonLatCollection {
        let format = GeoJSONSequence.detectFormat(bytes)
        var collection: FeatureCollection
        var featureErrors: [GeoJSONError] = []
        do {
            if collectingFeatureErrors {
                collection = try GeoJSONReader().readFeatureCollection(bytes, fileName: fileName, featureErrors: &featureErrors)
            } else {
                collection = try GeoJSONReader().readFeatureCollection(bytes, fileName: fileName)
            }
        } catch let error as GeoJSONError {
            throw InputError.malformed(error)
        }
        let declared = collection.crs
        if let declared, !isLonLatName(declared) {
            collection = try reproject(collection, from: declared, to: .wgs84, fileName: fileName)
            collection.crs = nil
        } else {
            collection.crs = nil
        }
        if datum != .wgs84 {
            for i in collection.features.indices {
                collection.features[i].geometry = collection.features[i].geometry.map { datum.toWGS84($0) }
            }
        }
        return LonLatCollection(
            collection: collection, declaredCRS: declared, datum: datum, format: format, byteCount: bytes.count,
            featureErrors: featureErrors)
    }

    /// Whether a normalised CRS name means lon/lat on WGS84 or CGCS2000.
    public static func isLonLatName(_ name: String) -> Bool {
        ["OGC:CRS84", "EPSG:4326", "EPSG:4490", "EPSG:4979", "OGC:CRS84h"].contains(name)
    }

    /// Transforms every geometry of `collection`; the error names the first
    /// feature that failed.
    public static func reproject(
        _ collection: FeatureCollection, from source: String, to target: CoordinateReferenceSystem, fileName: String
    ) throws -> FeatureCollection {
        let sourceCRS: CoordinateReferenceSystem
        do {
            sourceCRS = try CoordinateReferenceSystem(source)
        } catch {
            throw InputError.unknownCRS(file: fileName, name: source, message: error.description)
        }
        let transformer: Transformer
        do {
            transformer = try Transformer(from: sourceCRS, to: target)
        } catch {
            throw InputError.reprojection(file: fileName, featureIndex: nil, featureID: nil, message: error.description)
        }
        var out = collection
        for i in out.features.indices {
            guard let g = out.features[i].geometry else { continue }
            do {
                out.features[i].geometry = try transformer.transform(g)
            } catch {
                throw InputError.reprojection(
                    file: fileName, featureIndex: i, featureID: out.features[i].id?.description,
                    message: error.description)
            }
        }
        return out
    }
}
