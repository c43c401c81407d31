import LayoutIO
import LayoutModel
import PROJ

/// Reading a GeoPackage layer of parcels into the model, as `DatasetLoader` does for a
/// GeoPackage dataset: `GeoPackageDataset.decodedParcels` (GDAL's Arrow stream on one
/// FID range per thread, WKB decoded in Swift, each polygon checked with GEOS and repaired
/// when invalid, rows decoded column-wise into `Parcel`). The peer is
/// `Benchmarks/gpkg_peer.py` (`pyogrio.read_dataframe(..., use_arrow=True)`, which neither
/// checks values nor geometry).
///
/// Prints the median in-process time of `--runs` runs of that path, and, for comparison, of
/// the general path (features read, then `DatasetDecoding.parcels` without geometry repair,
/// the figure recorded before) and of the read alone.
struct GeoPackageBenchmark {
    let file: String
    let layer: String
    let runs: Int
    let threads: Int
    /// `--general no` skips the general path (for profiling the batch path alone).
    let general: Bool

    init(options: BenchOptions) {
        file = options.string("file") ?? "/tmp/parkatlas-import-bench/parcels.gpkg"
        layer = options.string("layer") ?? "parcels"
        runs = options.int("runs") ?? 3
        threads = options.int("threads") ?? 2
        general = options.string("general") != "no"
    }

    func run() throws {
        var count = 0
        var problems = 0
        let cpuStart = processCPUSeconds()
        let fused = try medianTime(runs: runs) {
            let package = try GeoPackageDataset(path: file, threads: threads)
            guard let result = try package.decodedParcels(file: layer + ".geojson", datum: .wgs84) else {
                throw BenchFailure.notEligible
            }
            count = result.decoded.values.count
            problems = result.decoded.problems.count + result.repairProblems.count
        }
        let fusedCPU = (processCPUSeconds() - cpuStart) / Double(runs)
        guard general else {
            print("gpkg: \(count) parcels into the model, \(problems) problems")
            print("read+repair+decode (batches): \(format(fused)) s (median of \(runs), threads \(threads); CPU \(format(fusedCPU)) s per run)")
            return
        }
        var generalCount = 0
        var readTimes: [Double] = []
        let general = try medianTime(runs: runs) {
            let start = monotonicSeconds()
            let package = try GeoPackageDataset(path: file, threads: threads)
            let collection = try package.read(layer, datum: .wgs84)
            readTimes.append(monotonicSeconds() - start)
            generalCount = DatasetDecoding.parcels(collection, threads: threads).values.count
        }
        readTimes.sort()
        print("gpkg: \(count) parcels into the model, \(problems) problems (general path: \(generalCount) parcels)")
        print("read+repair+decode (batches): \(format(fused)) s (median of \(runs), threads \(threads); CPU \(format(fusedCPU)) s per run)")
        print("read, then decode (no repair): \(format(general)) s")
        print("read alone (features)        : \(format(readTimes[readTimes.count / 2])) s")
    }

    enum BenchFailure: Error { case notEligible }

    private func format(_ s: Double) -> String { String((s * 1000).rounded() / 1000) }
}
