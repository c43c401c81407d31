/// Elementary functions built only from IEEE-754 basic operations (+, −, ×, ÷,
/// square root), which are correctly rounded everywhere.
///
/// Why: the platform `log`, `exp`, `sin`, `cos` come from different libm
/// implementations (glibc, Apple) that may differ in the last bit, and a
/// generator that must give identical bytes for identical seeds on every
/// platform cannot depend on them. Accuracy is a few ulps, ample for synthetic data.
public enum PortableMath {
    static let ln2Hi = 6.93147180369123816490e-01
    static let ln2Lo = 1.90821492927058770002e-10
    static let ln2 = 0.693147180559945309417232121458

    /// e^x. Range reduction x = k·ln2 + r, |r| ≤ ln2/2, then a Taylor series.
    public static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709 { return .infinity }
        if x < -745 { return 0 }
        let k = (x / ln2).rounded()
        let r = (x - k * ln2Hi) - k * ln2Lo
        var term = 1.0
        var sum = 1.0
        for n in 1...17 {
            term = term * r / Double(n)
            sum += term
        }
        return scale(sum, by: Int(k))
    }

    /// Natural logarithm for x > 0 (NaN for x < 0, −∞ for 0): x = m·2^e with
    /// m in [√½, √2), then the atanh series of (m − 1)/(m + 1).
    public static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x.isInfinite { return x }
        var m = x.significand  // in [1, 2)
        var e = Int(x.exponent)
        if m > 1.4142135623730951 {
            m /= 2
            e += 1
        }
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var power = s
        var sum = 0.0
        var n = 1.0
        while n < 40 {
            sum += power / n
            power *= s2
            n += 2
        }
        return 2 * sum + Double(e) * ln2
    }

    /// Sine of an angle in radians (|x| up to a few thousand π keeps full accuracy).
    public static func sin(_ x: Double) -> Double {
        let (q, r) = reduceQuarterTurns(x)
        switch q & 3 {
        case 0: return sinKernel(r)
        case 1: return cosKernel(r)
        case 2: return -sinKernel(r)
        default: return -cosKernel(r)
        }
    }

    /// Cosine of an angle in radians.
    public static func cos(_ x: Double) -> Double {
        let (q, r) = reduceQuarterTurns(x)
        switch q & 3 {
        case 0: return cosKernel(r)
        case 1: return -sinKernel(r)
        case 2: return -cosKernel(r)
        default: return sinKernel(r)
        }
    }

    private static let halfPiHi = 1.57079632673412561417e+00
    private static let halfPiLo = 6.07710050650619224932e-11

    private static func reduceQuarterTurns(_ x: Double) -> (Int, Double) {
        let k = (x / (Double.pi / 2)).rounded()
        let r = (x - k * halfPiHi) - k * halfPiLo
        return (Int(k), r)
    }

    private static func sinKernel(_ r: Double) -> Double {
        let r2 = r * r
        var term = r
        var sum = r
        var n = 1.0
        for _ in 0..<10 {
            term = -term * r2 / ((n + 1) * (n + 2))
            sum += term
            n += 2
        }
        return sum
    }

    private static func cosKernel(_ r: Double) -> Double {
        let r2 = r * r
        var term = 1.0
        var sum = 1.0
        var n = 0.0
        for _ in 0..<10 {
            term = -term * r2 / ((n + 1) * (n + 2))
            sum += term
            n += 2
        }
        return sum
    }

    /// value · 2^k, exact while the result stays normal.
    private static func scale(_ value: Double, by k: Int) -> Double {
        var v = value
        var k = k
        while k > 1000 { v *= 0x1p1000; k -= 1000 }
        while k < -1000 { v *= 0x1p-1000; k += 1000 }
        return v * Double(sign: .plus, exponent: k, significand: 1)
    }
}
