import GeoCore
import GeoJSON
import LayoutIO

/// Target 6: the import mapping reader (`ImportMapping.parse`, Sources/LayoutIO/Import): any bytes →
/// JSON → a mapping or an `ImportError` naming the place and the reason (rendered), never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func mappingFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let json = try? JSONText.parse(bytes, fileName: "/data/mapping.json") else { return 0 }
    do {
        let mapping = try ImportMapping.parse(json, path: "/data/mapping.json")
        for layer in mapping.layers { _ = (layer.source, layer.fields.count) }
    } catch {
        _ = String(describing: error)
    }
    return 0
}
