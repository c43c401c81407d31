#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GeoCore
import GeoJSON

/// Times `GeoJSONReader` and `GeoJSONWriter` on a large polygon collection,
/// in memory (parse from a byte array, encode into a byte array), so the
/// figures measure the code rather than the disk.
struct GeoJSONBenchmark {
    let options: BenchOptions

    func run() throws {
        let runs = options.int("runs") ?? 5
        let bytes: [UInt8]
        let source: String
        if let path = options.string("file") {
            bytes = try readRaw(path)
            source = path
        } else {
            let count = options.int("features") ?? 66_000
            let generated = SyntheticParcels.collection(features: count)
            let out = options.string("out") ?? "/tmp/parkatlas-bench-parcels.geojson"
            try GeoJSONWriter().writeAtomically(generated, to: out)
            bytes = try readRaw(out)
            source = "\(count) synthetic parcels, written to \(out)"
        }
        let megabytes = Double(bytes.count) / 1_000_000
        print("input: \(source)")
        print("size: \(fixed(megabytes, 1)) MB, runs: \(runs) (median)")

        var parsed = FeatureCollection(features: [])
        let reader = GeoJSONReader()
        let readTime = try medianTime(runs: runs) {
            parsed = try reader.read(bytes).featureCollection
        }
        let featureCount = Double(parsed.features.count)
        print("read : \(fixed(readTime, 3)) s  \(fixed(megabytes / readTime, 1)) MB/s  \(fixed(featureCount / readTime, 0)) features/s")

        // `--write no`: stop here, so a whole-process timing (Benchmarks/run.py) measures the read.
        if options.string("write") == "no" { return }

        var written: [UInt8] = []
        let writer = GeoJSONWriter()
        let writeTime = try medianTime(runs: runs) {
            written = try writer.encode(parsed)
        }
        let writtenMB = Double(written.count) / 1_000_000
        print("write: \(fixed(writeTime, 3)) s  \(fixed(writtenMB / writeTime, 1)) MB/s  \(fixed(featureCount / writeTime, 0)) features/s (\(fixed(writtenMB, 1)) MB out)")
    }

    private func readRaw(_ path: String) throws -> [UInt8] {
        guard let file = fopen(path, "rb") else { throw BenchError.cannotOpen(path) }
        defer { fclose(file) }
        fseek(file, 0, SEEK_END)
        let size = ftell(file)
        fseek(file, 0, SEEK_SET)
        var bytes = [UInt8](repeating: 0, count: max(size, 0))
        let n = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        return Array(bytes[0..<n])
    }
}

enum BenchError: Error {
    case cannotOpen(String)
}
