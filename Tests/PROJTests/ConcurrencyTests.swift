import Foundation
import GeoCore
import PROJ
import Synchronization
import XCTest

/// Transformers and geodesic measures used from several threads at once give the
/// single-thread results, bit for bit (each thread has its own PROJ context and operation).
final class ConcurrencyTests: PROJTestCase {
    private func samplePoints() -> CoordinateSequence {
        var storage: [Double] = []
        for i in 0..<500 {
            storage += [103.7 + Double(i % 25) * 0.08, 30.7 + Double(i / 25) * 0.11]
        }
        return CoordinateSequence(storage: storage)
    }

    private func samplePolygons() -> [Polygon] {
        (0..<50).map { i in
            let x = 103.7 + Double(i) * 0.03, y = 30.7 + Double(i) * 0.02
            return Polygon(exterior: ring([(x, y), (x + 0.05, y), (x + 0.05, y + 0.04), (x, y + 0.04)]))
        }
    }

    func testTransformsAndAreasFromManyThreadsAgreeWithOneThread() throws {
        let toGK = try Transformer(from: .wgs84, to: CoordinateReferenceSystem(epsg: 4544))
        let toUTM = try Transformer(from: .wgs84, to: CoordinateReferenceSystem(epsg: 32648))
        let points = samplePoints()
        let polygons = samplePolygons()
        let expectedGK = try toGK.transform(points)
        let expectedUTM = try toUTM.transform(points)
        let expectedBack = try toGK.inverse.transform(expectedGK)
        let expectedAreas = polygons.map { Geodesic.grs80.area(of: $0) }

        let mismatches = Mutex(0)
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            do {
                for _ in 0..<5 {
                    // Alternate pairs so that each thread holds several operations at once.
                    let gk = try toGK.transform(points)
                    let utm = try toUTM.transform(points)
                    let back = try toGK.inverse.transform(gk)
                    let areas = polygons.map { Geodesic.grs80.area(of: $0) }
                    if gk != expectedGK || utm != expectedUTM || back != expectedBack || areas != expectedAreas {
                        mismatches.withLock { $0 += 1 }
                    }
                }
                // Transformers built on this worker thread work as well.
                let local = try Transformer(from: .wgs84, to: CoordinateReferenceSystem(epsg: 4544))
                if try local.transform(points) != expectedGK { mismatches.withLock { $0 += 1 } }
            } catch {
                failures.withLock { $0.append("iteration \(i): \(error)") }
            }
            // Dispatch workers outlive the test: give their cached objects back now.
            PROJ.releaseCachedTransformations()
        }
        XCTAssertEqual(failures.withLock { $0 }, [])
        XCTAssertEqual(mismatches.withLock { $0 }, 0)
    }

    func testThreadExitDestroysItsContextAndObjects() throws {
        let handles = PROJ.liveHandles.liveCount
        let contexts = PROJ.liveContexts.liveCount
        let done = DispatchSemaphore(value: 0)
        let result = Mutex<Position?>(nil)
        let contextsWhileRunning = Mutex(0)
        let thread = Thread {
            let t = try? Transformer(from: .wgs84, to: CoordinateReferenceSystem(epsg: 4544))
            result.withLock { $0 = try? t?.transform(Position(104.7, 31.45)) }
            contextsWhileRunning.withLock { $0 = PROJ.liveContexts.liveCount }
            done.signal()
        }
        thread.start()
        done.wait()
        // The pthread destructor runs just after the thread's body returns: wait for it.
        let deadline = Date().addingTimeInterval(5)
        while (PROJ.liveContexts.liveCount != contexts || PROJ.liveHandles.liveCount != handles), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        // "4326->4544 (104.7, 31.45): (471484.0875568798, 3480906.278892931)" (proj_reference.py)
        XCTAssertEqual(result.withLock { $0 }?.x ?? 0, 471_484.0875568798, accuracy: 1e-6)
        XCTAssertEqual(contextsWhileRunning.withLock { $0 }, contexts + 1, "the thread made its own context")
        XCTAssertEqual(PROJ.liveContexts.liveCount, contexts, "the thread's context was destroyed at exit")
        XCTAssertEqual(PROJ.liveHandles.liveCount, handles, "the thread's cached operation was destroyed at exit")
    }
}
