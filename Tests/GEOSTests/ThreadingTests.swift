import Dispatch
import Foundation
@testable import GEOS
import GeoCore
import Synchronization
import XCTest

final class ThreadingTests: GEOSTestCase {
    func testConcurrentOperationsGiveCorrectResults() throws {
        // One shared, immutable handle read from every thread.
        let shared = try GeometryHandle(Shapes.square(0, 0, side: 2))
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            do {
                let offset = Double(i % 4) * 0.5  // 0, 0.5, 1, 1.5
                let other = try GeometryHandle(Shapes.square(offset, offset, side: 2))
                // Overlap of [0,2]² and [o, o+2]² is (2 − o)².
                let area = try shared.intersection(other).planarArea()
                if abs(area - (2 - offset) * (2 - offset)) > 1e-12 { failures.withLock { $0.append("area \(i): \(area)") } }
                let text = try GeometryHandle(wkt: other.wkt()).geometry()
                if text != Shapes.square(offset, offset, side: 2) { failures.withLock { $0.append("wkt \(i)") } }
                if try !shared.intersects(other) { failures.withLock { $0.append("intersects \(i)") } }
                _ = try? GeometryHandle(wkt: "broken \(i)")
            } catch {
                failures.withLock { $0.append("error \(i): \(error)") }
            }
        }
        XCTAssertEqual(failures.withLock { $0 }, [])
    }

    func testSharedPreparedGeometryAndTreeAcrossThreads() throws {
        let prepared = try PreparedGeometry(GeometryHandle(Shapes.square(0, 0, side: 10)))
        let tree = try STRtree(envelopes: (0..<100).map { (envelope: BoundingBox(minX: Double($0), minY: 0, maxX: Double($0) + 0.5, maxY: 1), payload: $0) })
        let failures = Mutex<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 32) { i in
            do {
                let x = Double(i)
                let inside = try prepared.contains(GeometryHandle(.point(Position(x + 0.5, 5))))
                // The square spans 0…10: x + 0.5 is inside for x < 10.
                if inside != (x < 10) { failures.withLock { $0 += 1 } }
                if try tree.query(BoundingBox(minX: x + 0.1, minY: 0.5, maxX: x + 0.2, maxY: 0.6)) != [i] { failures.withLock { $0 += 1 } }
            } catch {
                failures.withLock { $0 += 1 }
            }
        }
        XCTAssertEqual(failures.withLock { $0 }, 0)
    }

    func testThreadContextIsFreedWhenTheThreadExits() throws {
        _ = try GEOSContext.current  // this thread's context exists before counting
        let before = GEOSContext.liveCount.load(ordering: .relaxed)
        let done = DispatchSemaphore(value: 0)
        let during = Mutex<Int>(0)
        let thread = Thread {
            _ = try? GeometryHandle(wkt: "POINT (1 2)").planarArea()
            during.withLock { $0 = GEOSContext.liveCount.load(ordering: .relaxed) }
            done.signal()
        }
        thread.start()
        done.wait()
        XCTAssertEqual(during.withLock { $0 }, before + 1)
        // The pthread-key destructor runs after the thread body returns; give it a moment.
        let deadline = Date().addingTimeInterval(5)
        while GEOSContext.liveCount.load(ordering: .relaxed) != before, Date() < deadline { usleep(1000) }
        XCTAssertEqual(GEOSContext.liveCount.load(ordering: .relaxed), before)
    }

    func testContextIsReusedAcrossCalls() throws {
        let first = try GEOSContext.current
        _ = try GeometryHandle(wkt: "POINT (0 0)").wkt()
        XCTAssertTrue(try GEOSContext.current === first)
    }
}
