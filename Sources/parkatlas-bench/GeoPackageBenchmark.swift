import LayoutIO
import LayoutModel
import PROJ

/// Reading a GeoPackage layer of parcels into the model: GDAL's Arrow stream
/// (`GeoPackageDataset.read`, WKB decoded in Swift) then `DatasetDecoding.parcels`
/// (every property checked into `Parcel`). The peer is
/// `Benchmarks/gpkg_peer.py` (`pyogrio.read_dataframe(..., use_arrow=True)`).
///
/// Prints the median in-process time of `--runs` runs of read + decode, and of the read alone.
struct GeoPackageBenchmark {
    let file: String
    let layer: String
    let runs: Int
    let threads: Int

    init(options: BenchOptions) {
        file = options.string("file") ?? "/tmp/parkatlas-import-bench/parcels.gpkg"
        layer = options.string("layer") ?? "parcels"
        runs = options.int("runs") ?? 3
        threads = options.int("threads") ?? 2
    }

    func run() throws {
        var count = 0
        var readTimes: [Double] = []
        let total = try medianTime(runs: runs) {
            let start = monotonicSeconds()
            let package = try GeoPackageDataset(path: file)
            let collection = try package.read(layer, datum: .wgs84)
            readTimes.append(monotonicSeconds() - start)
            let decoded = DatasetDecoding.parcels(collection, threads: threads)
            count = decoded.values.count
        }
        readTimes.sort()
        print("gpkg: \(count) parcels into the model")
        print("read+decode : \(format(total)) s (median of \(runs), threads \(threads))")
        print("read alone  : \(format(readTimes[readTimes.count / 2])) s")
    }

    private func format(_ s: Double) -> String { String((s * 1000).rounded() / 1000) }
}
