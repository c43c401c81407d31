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
    /// The codes of the shipped table met so far (the rows' industry indices point here), by text
    /// and, packed in an integer, in a 1024-slot open-addressing table.
    private var codes: [IndustryCode] = []
    private var codeOfText: [String: UInt32] = [:]
    private var slotKeys = [UInt64](repeating: 0, count: 1024)
    private var slotCodes = [UInt32](repeating: 0, count: 1024)
    private var rawExtras: [UInt8] = []
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
        rows.codes = codes
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
        var industry: UInt32?
        var output: Double?, tax: Double?, land: Double?, employees: Int?, aboveScale: Bool?
        unknown.removeAll(keepingCapacity: true)
        for (k, m) in f.members.enumerated() {
            let bit: UInt16
            switch Self.knownKey(m) {
            case 1:
                guard case .string(let s) = m.value, !s.isEmpty else { return false }
                id = s
                bit = 1
            case 2:
                guard case .string(let s) = m.value, !s.isEmpty else { return false }
                name = s
                bit = 2
            case 3:
                guard case .string(let s) = m.value, let code = knownCode(s) else { return false }
                industry = code
                bit = 4
            case 4:
                guard Self.number(m.value, into: &output) else { return false }
                bit = 8
            case 5:
                guard Self.number(m.value, into: &tax) else { return false }
                bit = 16
            case 6:
                var number: Double?
                guard Self.number(m.value, into: &number) else { return false }
                if let number {
                    guard number.rounded() == number, number < 9.0e15 else { return false }
                    employees = Int(number)
                }
                bit = 32
            case 7:
                guard Self.number(m.value, into: &land) else { return false }
                bit = 64
            case 8:
                switch m.value {
                case .null: aboveScale = nil
                case .bool(let b): aboveScale = b
                default: return false
                }
                bit = 128
            default:
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

    /// 1 id, 2 name, 3 industry, 4 output_wan, 5 tax_wan, 6 employees, 7 land_m2,
    /// 8 above_scale, 0 any other key: one comparison per member, chosen by length.
    @inline(__always)
    private static func knownKey(_ m: ScannedPropertyMember) -> Int {
        switch m.key.count {
        case 2: m.keyIs("id") ? 1 : 0
        case 4: m.keyIs("name") ? 2 : 0
        case 8: m.keyIs("industry") ? 3 : 0
        case 10: m.keyIs("output_wan") ? 4 : 0
        case 7: m.keyIs("tax_wan") ? 5 : m.keyIs("land_m2") ? 7 : 0
        case 9: m.keyIs("employees") ? 6 : 0
        case 11: m.keyIs("above_scale") ? 8 : 0
        default: 0
        }
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

    /// The index in `codes` of a code of the shipped table, or nil for any other text.
    private mutating func knownCode(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        // Codes are at most 5 ASCII letters and digits: packed in one integer (with the length
        // in the top byte, so never 0) they are found in a small open-addressing table, with no
        // string made or hashed per feature.
        guard bytes.count <= 7 else { return slowCode(bytes) }
        var key: UInt64 = 0
        for b in bytes { key = key << 8 | UInt64(b) }
        key |= UInt64(bytes.count) << 56
        var h = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 54)
        while slotKeys[h] != 0 {
            if slotKeys[h] == key { return slotCodes[h] }
            h = (h + 1) & (slotKeys.count - 1)
        }
        guard let k = slowCode(bytes) else { return nil }
        if codes.count < slotKeys.count / 2 {
            slotKeys[h] = key
            slotCodes[h] = k
        }
        return k
    }

    private mutating func slowCode(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let text = String(decoding: bytes, as: UTF8.self)
        if let k = codeOfText[text] { return k }
        guard IndustryTable.check(text) == .known, let code = IndustryCode(validating: text) else { return nil }
        let k = UInt32(codes.count)
        codes.append(code)
        codeOfText[text] = k
        return k
    }
}
