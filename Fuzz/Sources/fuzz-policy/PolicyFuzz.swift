import GeoCore
import GeoJSON
import LayoutModel

/// Target 5: the policy reader. Any bytes → JSON → `Policy.decode`; a problem must be
/// reported as a `PolicyError` (every message is rendered), never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func policyFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let json = try? JSONText.parse(bytes, fileName: "policy.json"), let object = json.objectValue else { return 0 }
    let decoded = Policy.decode(object)
    for error in decoded.errors { _ = String(describing: error) }
    return 0
}
