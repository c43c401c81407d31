import Foundation
import Synthesis
import XCTest

/// PortableMath against the platform libm (independent implementation):
/// agreement to a few ulps over the ranges the generators use.
final class PortableMathTests: XCTestCase {
    func testAgainstPlatformLibm() {
        for k in -200...200 {
            let x = Double(k) * 0.0371
            XCTAssertEqual(PortableMath.exp(x), Foundation.exp(x), accuracy: 4e-15 * Foundation.exp(x))
            XCTAssertEqual(PortableMath.sin(x), Foundation.sin(x), accuracy: 2e-15)
            XCTAssertEqual(PortableMath.cos(x), Foundation.cos(x), accuracy: 2e-15)
            let y = Foundation.exp(Double(k) * 0.09)
            XCTAssertEqual(PortableMath.log(y), Foundation.log(y), accuracy: 4e-15 * max(1, abs(Foundation.log(y))))
        }
        XCTAssertEqual(PortableMath.log(1), 0)
        XCTAssertEqual(PortableMath.exp(0), 1)
        XCTAssertTrue(PortableMath.log(-1).isNaN)
    }
}
