import GeoCore
import GeoJSON

/// Target 1: the GeoJSON document reader (`GeoJSONReader.read`, strict and lenient rings, and
/// `readFeatureCollection(_:featureErrors:)`, which sets broken features aside). Any bytes must give
/// a document or a `GeoJSONError` (its message is rendered), never a crash or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func geoJSONFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let strict = GeoJSONReader()
    let lenient = GeoJSONReader(options: .init(strictRings: false, maxDepth: 64))
    for reader in [strict, lenient] {
        do {
            _ = try reader.read(bytes, fileName: "fuzz.geojson").featureCollection
        } catch {
            _ = String(describing: error)
        }
    }
    var featureErrors: [GeoJSONError] = []
    do {
        let collection = try strict.readFeatureCollection(bytes, fileName: "fuzz.geojson", featureErrors: &featureErrors)
        // A set-aside feature keeps its place: in a document every error names a feature that exists.
        let isDocument = GeoJSONSequence.detectFormat(bytes) == .document
        for error in featureErrors {
            _ = String(describing: error)
            if isDocument, let index = error.location?.featureIndex, index >= collection.features.count {
                fatalError("feature error names feature \(index) of \(collection.features.count)")
            }
        }
    } catch {
        _ = String(describing: error)
    }
    return 0
}
