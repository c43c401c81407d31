import LayoutAnalysis
import LayoutIO
import LayoutModel

/// Enterprises-in-parks spatial join: load the dataset as the commands do
/// (`DatasetLoader`, districts, parks and enterprises, features streamed and
/// not kept) and find for every enterprise the smallest park covering it
/// (`ParkMembership`).
///
/// Prints the wall time of the whole task (read + decode + join), of the join
/// alone, and the number of enterprises inside parks, so the peer
/// (`Benchmarks/join_peer.py`, geopandas `sjoin`) can be checked for agreement.
struct JoinBenchmark {
    let dataset: String
    let threads: Int

    init(options: BenchOptions) {
        dataset = options.string("dataset") ?? "GeoData/mianyang"
        threads = options.int("threads") ?? 2
    }

    func run() throws {
        let start = monotonicSeconds()
        let loaded = try DatasetLoader.load(
            folder: dataset, options: .init(threads: threads, layers: [.enterprises], keepsFeatures: false))
        let parks = loaded.dataset.parks, enterprises = loaded.dataset.enterprises
        let joinStart = monotonicSeconds()
        let membership = try ParkMembership(parks: parks, enterprises: enterprises, threads: threads)
        let end = monotonicSeconds()
        let inside = membership.parkOfEnterprise.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        print("join: \(enterprises.count) enterprises, \(parks.count) parks, \(inside) inside parks")
        print("total \(format(end - start)) s, join alone \(format(end - joinStart)) s (threads \(threads))")
    }

    private func format(_ s: Double) -> String {
        let v = (s * 1000).rounded() / 1000
        return String(v)
    }
}
