import LayoutIO
import LayoutModel

/// Reading a whole dataset into the model (`DatasetLoader.load`: every layer read,
/// polygons checked and repaired, properties decoded, cross-checks), the same call for
/// a dataset folder of GeoJSON and for a `postgresql://…?schema=S` URI, so the two
/// sources compare on the one path every command takes (Benchmarks/postgis_bench.py,
/// issue 15: PostGIS at most 2× the GeoJSON folder).
///
/// Prints the counts and the median in-process time of `--runs` loads.
struct LoadBenchmark {
    let dataset: String
    let runs: Int
    let threads: Int
    let whereSQL: String?

    init(options: BenchOptions) {
        dataset = options.string("dataset") ?? "GeoData/mianyang"
        runs = options.int("runs") ?? 3
        threads = options.int("threads") ?? 2
        whereSQL = options.string("where")
    }

    func run() throws {
        var counts = ""
        var problems = 0
        let time = try medianTime(runs: runs) {
            let result = try DatasetLoader.load(
                folder: dataset, options: .init(threads: threads, filter: DatasetFilter(whereSQL: whereSQL)))
            let d = result.dataset
            counts = "\(d.districts.count) districts, \(d.parks.count) parks, \(d.parcels.count) parcels, \(d.enterprises.count) enterprises"
            problems = result.errorCount
        }
        print("load: \(counts), \(problems) errors")
        print("load : \(fixed(time, 3)) s (median of \(runs), threads \(threads))")
    }
}
