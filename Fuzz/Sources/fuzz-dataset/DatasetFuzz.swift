import Foundation
import GEOS
import GeoCore
import LayoutIO
import LayoutModel
import PROJ

/// Target 4: the dataset loader (`DatasetLoader.load`) on a dataset folder made from the input by a
/// fixed rule: the bytes are cut at their NUL bytes (never valid inside JSON text) into up to five
/// parts, written as districts.geojson, parks.geojson, parcels.geojson, enterprises.geojson and
/// policy.json in that order; a part the input does not reach is a missing file. The folder is
/// per process (under $TMPDIR) and rewritten for every input. The load must report problems, never
/// crash or hang, and must leave no GEOS geometry or PROJ object alive (LeakSanitizer catches
/// plain memory).
@_cdecl("LLVMFuzzerTestOneInput")
public func datasetFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let parts = bytes.split(separator: 0, maxSplits: files.count - 1, omittingEmptySubsequences: false)
    let fm = FileManager.default
    for (k, file) in files.enumerated() {
        let path = folder + "/" + file
        if k < parts.count {
            guard fm.createFile(atPath: path, contents: Data(parts[k])) else { fatalError("cannot write \(path)") }
        } else {
            try? fm.removeItem(atPath: path)
        }
    }
    PROJ.releaseCachedTransformations()
    let geos = GEOSLibrary.liveHandles, proj = PROJ.liveHandles.liveCount
    do {
        let result = try DatasetLoader.load(folder: folder, options: .init(threads: 2))
        for problem in result.problems { _ = problem.description }
    } catch {
        _ = String(describing: error)
    }
    PROJ.releaseCachedTransformations()
    if GEOSLibrary.liveHandles != geos { fatalError("GEOS geometries leaked: \(GEOSLibrary.liveHandles - geos)") }
    if PROJ.liveHandles.liveCount != proj { fatalError("PROJ objects leaked: \(PROJ.liveHandles.liveCount - proj)") }
    return 0
}

private let files = [
    DatasetFile.districts, DatasetFile.parks, DatasetFile.parcels, DatasetFile.enterprises, DatasetFile.policy,
]

/// The process's own dataset folder, removed at exit.
private let folder: String = {
    let path = NSTemporaryDirectory() + "/parkatlas-fuzz-dataset-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "/parkatlas-fuzz-dataset-\(getpid())") }
    return path
}()
