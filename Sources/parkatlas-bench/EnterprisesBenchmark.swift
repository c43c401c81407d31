#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CMallocInfo
import GeoCore
import GeoJSON
import LayoutIO
import LayoutModel

/// `enterprises.geojson` into the model (issue 19, "Memory"): time and bytes
/// per enterprise of
/// - the table, read straight from the bytes (`DatasetLoader.streamEnterprises`,
///   what every command does), and
/// - the previous model, `[Enterprise]` decoded from generic features in
///   parallel batches (the loader's path before `EnterpriseTable`, kept here to
///   compare in the same run),
/// and, with `--peer yes`, `geopandas.read_file(engine="pyogrio")` on the same
/// file in the same run (Benchmarks/geojson_peer.py --pyogrio-only).
///
/// Bytes per enterprise: the growth of the heap in use (`mallinfo2`, uordblks + hblkhd)
/// while the model is held, over the count; the resident set growth beside it.
/// Times include reading the file (the page cache holds it after the first run).
struct EnterprisesBenchmark {
    let file: String
    let runs: Int
    let threads: Int
    let peer: Bool
    /// `--only table`: just the table's timing (for profiling).
    let only: String?

    init(options: BenchOptions) {
        file = options.string("file") ?? "/tmp/big/enterprises.geojson"
        runs = options.int("runs") ?? 3
        threads = options.int("threads") ?? 2
        peer = options.string("peer") == "yes"
        only = options.string("only")
    }

    func run() throws {
        let size = Double(try GeoJSONFile.readBytes(path: file).count)
        print("input: \(file), \(fixed(size / 1e6, 1)) MB, threads \(threads), runs \(runs) (median)")

        // The table (the loader's path).
        var table = EnterpriseTable()
        let tableTime = try medianTime(runs: runs) {
            table = EnterpriseTable()
            table = try loadTable()
        }
        table = EnterpriseTable()
        if only == "table" { return print("table           : \(fixed(tableTime, 3)) s") }
        let (heap0, rss0) = (heapInUse(), residentBytes())
        table = try loadTable()
        let (heap1, rss1) = (heapInUse(), residentBytes())
        let n = Double(table.count)
        print("table           : \(fixed(tableTime, 3)) s  \(fixed(size / 1e6 / tableTime, 1)) MB/s  "
            + "\(fixed((heap1 - heap0) / n, 1)) B/enterprise heap, \(fixed((rss1 - rss0) / n, 1)) B/enterprise RSS  (\(table.count) enterprises)")

        // The same enterprises as `[Enterprise]` values, as held before the table.
        let (heap2, rss2) = (heapInUse(), residentBytes())
        var values = Array(table)
        let (heap3, rss3) = withExtendedLifetime(values) { (heapInUse(), residentBytes()) }
        let names = values.reduce(0) { $0 + $1.name.utf8.count }
        print("[Enterprise]    : \(fixed((heap3 - heap2) / n, 1)) B/enterprise heap, \(fixed((rss3 - rss2) / n, 1)) B/enterprise RSS "
            + "(the table's enterprises as values; MemoryLayout<Enterprise>.stride \(MemoryLayout<Enterprise>.stride) B; "
            + "names \(fixed(Double(names) / n, 1)) B of UTF-8 each)")
        values = []
        table = EnterpriseTable()

        // The previous path: generic features per batch, decoded into `[Enterprise]`.
        var count = 0
        func loadValues() throws -> [Enterprise] {
            var all: [Enterprise] = []
            let bytes = try GeoJSONFile.readBytes(path: file)
            _ = try GeoJSONReader().forEachFeatureBatch(
                bytes, fileName: file, threads: threads,
                transform: { DatasetDecoding.enterprises(FeatureCollection(features: $0)) },
                announce: { all.reserveCapacity($0) },
                consume: { _, part in all += part.values })
            return all
        }
        let valuesTime = try medianTime(runs: runs) { count = try loadValues().count }
        // What the loader held before the table: these values, as decoded.
        let (heap4, rss4) = (heapInUse(), residentBytes())
        let held = try loadValues()
        let (heap5, rss5) = withExtendedLifetime(held) { (heapInUse(), residentBytes()) }
        print("[Enterprise] path: \(fixed(valuesTime, 3)) s  \(fixed(size / 1e6 / valuesTime, 1)) MB/s  "
            + "\(fixed((heap5 - heap4) / Double(held.count), 1)) B/enterprise heap, \(fixed((rss5 - rss4) / Double(held.count), 1)) B/enterprise RSS  "
            + "(\(count) enterprises; the table is \(fixed(valuesTime / tableTime, 2))x faster)")
        _ = values

        if peer {
            let command = "python3 Benchmarks/geojson_peer.py \(file) --pyogrio-only --runs \(runs)"
            guard let out = popen(command, "r") else { return print("peer: could not run \(command)") }
            var text = ""
            var buffer = [CChar](repeating: 0, count: 4096)
            while fgets(&buffer, Int32(buffer.count), out) != nil {
                text += String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            pclose(out)
            print(text, terminator: "")
            // "geopandas+pyogrio read  : 12.345 s ..."
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("geopandas+pyogrio read") }),
               let seconds = line.split(separator: ":").dropFirst().first?.split(separator: " ").first.flatMap({ Double($0) }) {
                print("geopandas+pyogrio / table: \(fixed(seconds / tableTime, 1))x")
            }
        }
    }

    private func loadTable() throws -> EnterpriseTable {
        var problems: [DatasetProblem] = []
        let bytes = try GeoJSONFile.readBytes(path: file)
        guard let loaded = DatasetLoader.streamEnterprises(bytes: bytes, fileName: file, threads: threads, problems: &problems) else {
            throw BenchError.cannotOpen("\(file) (not a lon/lat FeatureCollection)")
        }
        return loaded.table
    }
}

/// Bytes of heap in use (glibc `mallinfo2`: chunks in use plus mmapped
/// blocks, where large arrays live; 0 elsewhere).
func heapInUse() -> Double { Double(parkatlas_heap_in_use()) }

/// Resident set size in bytes (`/proc/self/statm`; 0 elsewhere).
func residentBytes() -> Double {
    guard let f = fopen("/proc/self/statm", "r") else { return 0 }
    defer { fclose(f) }
    var size = 0, resident = 0
    guard withUnsafeMutablePointer(to: &size, { s in withUnsafeMutablePointer(to: &resident) { r in
        withVaList([s, r]) { vfscanf(f, "%ld %ld", $0) }
    } }) == 2 else { return 0 }
    return Double(resident) * Double(sysconf(Int32(_SC_PAGESIZE)))
}
