import GeoCore
import GeoJSON

/// Decodes `enterprises.geojson` features straight from their bytes into an
/// `EnterpriseTable`, with no `Feature` or `JSONValue` per feature, during a
/// streamed parse (`GeoJSONReader.forEachFeatureBatch(…makeBuilder:…)`).
///
/// Only a feature that `Enterprise.decode` would accept without any problem is
/// taken this way: a Point within ±180/±90, `id`, `name` non-empty strings
/// without escapes, `industry` a code of the shipped GB/T 4754-2017 table,
/// numbers finite and ≥ 0 (`employees` whole and below 9·10¹⁵), `above_scale`
/// a boolean (any of these may be `null` or absent, except id, name and
/// industry), no property key twice. Every other feature is declined, parsed
/// in full and decoded by `Enterprise.decode`, so every problem and message
/// comes from that one decoder. Unknown properties are kept as their bytes
/// (`EnterpriseTable.rawExtraProperties`), decoded only when read.
public struct EnterpriseBatchBuilder: FeatureBatchBuilder {
    /// One batch: the enterprises with feature indices from 0 in the batch,
    /// and the problems and rejected ids as `DatasetDecoding.enterprises` gives them.
    public struct Batch: Sendable {
        public var table: EnterpriseTable
        public var problems: [DatasetProblem] = []
        public var rejectedIDs: [String] = []
    }

    public static var scansPointFeatures: Bool { true }

    let file: String
    /// The problems and rejected ids so far, and the enterprises `Enterprise.decode` read.
    var batch: Batch
    /// The enterprises taken from their bytes, in feature order with those of `batch.table`
    /// interleaved by `order` (true: next from `rows`).
    private var rows = EnterpriseTable.Rows()
    private var order: [Bool] = []
    /// Industry codes already found in the shipped table (a handful of strings per file).
    private var knownCodes: [String: IndustryCode] = [:]
    private var rawExtras: [UInt8] = []
    private var lastCode: (bytes: [UInt8], code: IndustryCode)?
    private var unknown: [Int] = []

    public init(file: String = DatasetFile.enterprises) {
        self.file = file
        batch = Batch(table: EnterpriseTable(sourceFile: file))
    }

    public mutating func finish() -> Batch {
        defer {
            batch = Batch(table: EnterpriseTable(sourceFile: file))
            rows = EnterpriseTable.Rows()
            order = []
        }
        let fast = EnterpriseTable(rows: rows, sourceFile: file)
        guard !batch.table.isEmpty else {
            var done = batch
            done.table = fast
            return done
        }
        // Both kinds in one batch (rare): merged in feature order.
        var merged = EnterpriseTable(sourceFile: file)
        var (f, g) = (0, 0)
        for fromRows in order {
            if fromRows {
                merged.appendRows(of: fast, f..<(f + 1))
                f += 1
            } else {
                merged.appendRows(of: batch.table, g..<(g + 1))
                g += 1
            }
        }
        var done = batch
        done.table = merged
        return done
    }

    public mutating func add(_ feature: Feature, index: Int) {
        let before = batch.problems.count
        if let e = Enterprise.decode(feature, file: file, index: index, problems: &batch.problems) {
            batch.table.append(e)
            order.append(false)
        } else if let id = batch.problems[before...].lazy.compactMap(\.id).first {
            batch.rejectedIDs.append(id)
        }
    }

    public mutating func take(_ f: ScannedPointFeature, index: Int) -> Bool {
        // FeatureReader/checkGeometry: a position outside ±180/±90 (or not finite) is an error.
        guard f.x.isFinite, f.y.isFinite, abs(f.x) <= 180, abs(f.y) <= 90 else { return false }
        var seen: UInt16 = 0
        var id: UnsafeBufferPointer<UInt8>?, name: UnsafeBufferPointer<UInt8>?
        var industry: IndustryCode?
        var output: Double?, tax: Double?, land: Double?, employees: Int?, aboveScale: Bool?
        unknown.removeAll(keepingCapacity: true)
        for (k, m) in f.members.enumerated() {
            let bit: UInt16
            if m.keyIs("id") {
                guard case .string(let s) = m.value, !s.isEmpty else { return false }
                id = s
                bit = 1
            } else if m.keyIs("name") {
                guard case .string(let s) = m.value, !s.isEmpty else { return false }
                name = s
                bit = 2
            } else if m.keyIs("industry") {
                guard case .string(let s) = m.value, let code = knownCode(s) else { return false }
                industry = code
                bit = 4
            } else if m.keyIs("output_wan") {
                guard Self.number(m.value, into: &output) else { return false }
                bit = 8
            } else if m.keyIs("tax_wan") {
                guard Self.number(m.value, into: &tax) else { return false }
                bit = 16
            } else if m.keyIs("employees") {
                var number: Double?
                guard Self.number(m.value, into: &number) else { return false }
                if let number {
                    guard number.rounded() == number, number < 9.0e15 else { return false }
                    employees = Int(number)
                }
                bit = 32
            } else if m.keyIs("land_m2") {
                guard Self.number(m.value, into: &land) else { return false }
                bit = 64
            } else if m.keyIs("above_scale") {
                switch m.value {
                case .null: aboveScale = nil
                case .bool(let b): aboveScale = b
                default: return false
                }
                bit = 128
            } else {
                // A key given twice: the general parser's last-wins rule applies; leave it to it.
                for j in unknown where f.members[j].key.elementsEqual(m.key) { return false }
                unknown.append(k)
                continue
            }
            guard seen & bit == 0 else { return false }
            seen |= bit
        }
        guard let id, let name, let industry else { return false }
        rawExtras.removeAll(keepingCapacity: true)
        if !unknown.isEmpty {
            rawExtras.append(UInt8(ascii: "{"))
            for (n, j) in unknown.enumerated() {
                if n > 0 { rawExtras.append(UInt8(ascii: ",")) }
                rawExtras.append(contentsOf: f.members[j].text)
            }
            rawExtras.append(UInt8(ascii: "}"))
        }
        rawExtras.withUnsafeBufferPointer { extras in
            rows.append(
                x: f.x, y: f.y, z: f.z, id: id, name: name, industry: industry, output: output, tax: tax,
                employees: employees, land: land, aboveScale: aboveScale, rawExtras: extras, sourceIndex: index)
        }
        order.append(true)
        return true
    }

    /// `FeatureReader.optionalNonNegativeNumber` without problems: null is
    /// absent; a number must be finite and ≥ 0; anything else declines.
    @inline(__always)
    private static func number(_ value: ScannedPropertyValue, into result: inout Double?) -> Bool {
        let number: Double
        switch value {
        case .null: return true
        case .integer(let i): number = Double(i)
        case .double(let d): number = d
        default: return false
        }
        guard number.isFinite, number >= 0 else { return false }
        result = number
        return true
    }

    private mutating func knownCode(_ bytes: UnsafeBufferPointer<UInt8>) -> IndustryCode? {
        // Consecutive enterprises often share their code: compare bytes before hashing a string.
        if let last = lastCode, last.bytes.count == bytes.count, last.bytes.elementsEqual(bytes) { return last.code }
        let text = String(decoding: bytes, as: UTF8.self)
        defer { if let code = knownCodes[text] { lastCode = (Array(bytes), code) } }
        if let code = knownCodes[text] { return code }
        guard IndustryTable.check(text) == .known, let code = IndustryCode(validating: text) else { return nil }
        knownCodes[text] = code
        return code
    }
}
