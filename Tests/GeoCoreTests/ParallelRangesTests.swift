import GeoCore
import XCTest

/// The one parallel-ranges helper: every index once, results in index order, for any thread count.
final class ParallelRangesTests: XCTestCase {
    func testForEachCoversEveryIndexExactlyOnce() {
        for count in [0, 1, 2, 7, 1023, 1024, 1025, 5000] {
            for threads in 1...5 {
                for minimumChunk in [1, 64, 1024] {
                    // One slot per index, no lock: an index handed to two workers would also be a data
                    // race, which scripts/sanitize.sh (ThreadSanitizer) reports.
                    let slots = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(count, 1))
                    slots.initialize(repeating: 0)
                    defer { slots.deallocate() }
                    nonisolated(unsafe) let seen = slots
                    ParallelRanges.forEach(count: count, threads: threads, minimumChunk: minimumChunk) { range in
                        for i in range { seen[i] += 1 }
                    }
                    XCTAssertEqual(Array(seen.prefix(count)), [Int](repeating: 1, count: count), "\(count) \(threads) \(minimumChunk)")
                }
            }
        }
    }

    func testMapEqualsTheSerialMapForEveryThreadCount() {
        let serial = (0..<3001).map { i in (i &* 2_654_435_761) % 977 }
        for threads in 1...7 {
            for minimumChunk in [1, 64, 1024] {
                let parallel = ParallelRanges.map(count: 3001, threads: threads, minimumChunk: minimumChunk) { i in (i &* 2_654_435_761) % 977 }
                XCTAssertEqual(parallel, serial, "\(threads) threads, chunks ≥ \(minimumChunk)")
            }
        }
        XCTAssertEqual(ParallelRanges.map(count: 0, threads: 4) { $0 }, [])
    }
}
