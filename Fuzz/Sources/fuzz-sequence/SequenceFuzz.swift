import GeoCore
import GeoJSON

/// Target 2: newline-delimited GeoJSON and RFC 8142 text sequences (`GeoJSONSequence`), both the
/// throwing reader and the one that sets broken records aside. Any bytes must give features or a
/// `GeoJSONError`, never a crash or a hang; the two readers must agree on clean input.
@_cdecl("LLVMFuzzerTestOneInput")
public func sequenceFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = GeoJSONSequence.detectFormat(bytes)
    var strict: [Feature]?
    do {
        strict = try GeoJSONSequence.readFeatures(bytes, fileName: "fuzz.geojsonl")
    } catch {
        _ = String(describing: error)
    }
    var featureErrors: [GeoJSONError] = []
    do {
        let lenient = try GeoJSONReader().readFeatureCollection(bytes, fileName: "fuzz.geojsonl", featureErrors: &featureErrors)
        for error in featureErrors { _ = String(describing: error) }
        // Without set-aside errors the lenient reader reads exactly what the throwing one reads.
        if featureErrors.isEmpty {
            guard let strict else { fatalError("the lenient reader read what the throwing one rejects, with no error") }
            if strict != lenient.features {
                fatalError("sequence readers disagree: \(strict.count) vs \(lenient.features.count) features")
            }
        }
    } catch {
        _ = String(describing: error)
    }
    return 0
}
