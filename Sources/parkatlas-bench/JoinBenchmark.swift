import LayoutAnalysis
import LayoutIO
import LayoutModel

/// Enterprises-in-parks spatial join: read `parks.geojson` and
/// `enterprises.geojson`, decode them, and find for every enterprise the
/// smallest park covering it (`ParkMembership`).
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
        let parks = DatasetDecoding.parks(try LonLatInput.read(path: dataset + "/parks.geojson").collection).values
        let enterprises = DatasetDecoding.enterprises(try LonLatInput.read(path: dataset + "/enterprises.geojson").collection).values
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
