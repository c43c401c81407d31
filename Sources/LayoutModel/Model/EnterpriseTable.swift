import GeoCore
import GeoJSON

/// The enterprises of a dataset in columns: 131.5 bytes of heap per enterprise
/// with the usual columns of docs/dataset.md (synth, 1,000,000 enterprises;
/// `parkatlas-bench enterprises`), instead of 312 bytes as `[Enterprise]`
/// (a 152-byte value, a heap string for the name, a boxed geometry each).
///
/// A copy-on-write value that is a random-access, mutable and
/// range-replaceable collection of `Enterprise`: `for e in table`,
/// `table[i].output = x`, `append`, `map` work as on an array. Reading an
/// element builds an `Enterprise` from the columns (id and name are copied out
/// of the arena, unknown properties decoded from their raw JSON bytes), so hot
/// loops read the columns instead (`x`, `y`, `industryIndex`, `output(at:)`, …).
///
/// Storage, per enterprise:
/// - lon/lat in two `[Double]` (degrees, WGS84); a height, a non-Point
///   geometry, unknown properties given as a value, or a source file other than
///   the table's go to a sparse side table (`Rare`); loaded files rarely have any
///   (a feature the byte decoder declines keeps its unknown properties as a value);
/// - output, tax, land (万元, 万元, m²) as `[Double]` and employees as `[Int]`,
///   with presence bits, so every `Double` (also `-0.0`) and `Int` round-trips;
///   above-scale in two bits of the same flags byte;
/// - the industry code interned (`UInt32` index into `industryCodes`);
/// - id, name and the raw bytes of the unknown properties (a JSON object
///   `{"k":v,…}` exactly as in the input, in input order) contiguous in one
///   UTF-8 arena, at `start` with three lengths;
/// - the feature index in the file (the file name is per table).
public struct EnterpriseTable: Sendable {
    @usableFromInline
    final class Storage: @unchecked Sendable {
        var x: [Double] = []
        var y: [Double] = []
        var output: [Double] = []
        var tax: [Double] = []
        var land: [Double] = []
        var employees: [Int] = []
        /// Bits 0–3: output, tax, land, employees present; bits 4–5: above scale (0 nil, 1 false, 2 true).
        var flags: [UInt8] = []
        var industry: [UInt32] = []
        var start: [Int] = []
        var idLength: [UInt32] = []
        var nameLength: [UInt32] = []
        var extraLength: [UInt32] = []
        var sourceIndex: [Int] = []
        var arena: [UInt8] = []
        var codes: [IndustryCode] = []
        var codeIndex: [IndustryCode: UInt32] = [:]
        var sourceFile: String
        var rare: [Int: Rare] = [:]

        init(sourceFile: String) { self.sourceFile = sourceFile }

        func copy() -> Storage {
            let s = Storage(sourceFile: sourceFile)
            s.x = x; s.y = y; s.output = output; s.tax = tax; s.land = land; s.employees = employees
            s.flags = flags; s.industry = industry; s.start = start; s.idLength = idLength
            s.nameLength = nameLength; s.extraLength = extraLength; s.sourceIndex = sourceIndex
            s.arena = arena; s.codes = codes; s.codeIndex = codeIndex; s.rare = rare
            return s
        }
    }

    /// What few enterprises carry: kept aside so the columns stay flat.
    struct Rare: Sendable, Equatable {
        var z: Double?
        /// A geometry that is not a Point (the file decoders never accept one).
        var geometry: Geometry?
        /// Unknown properties given as a value (not read from bytes).
        var extras: JSONObject?
        var file: String?
        var isEmpty: Bool { z == nil && geometry == nil && extras == nil && file == nil }
    }

    @usableFromInline var storage: Storage

    /// An empty table whose enterprises come from `sourceFile` (`enterprises.geojson`).
    public init(sourceFile: String = DatasetFile.enterprises) {
        storage = Storage(sourceFile: sourceFile)
    }

    public init<S: Sequence>(_ enterprises: S, sourceFile: String = DatasetFile.enterprises) where S.Element == Enterprise {
        self.init(sourceFile: sourceFile)
        reserveCapacity(enterprises.underestimatedCount)
        for e in enterprises { append(e) }
    }

    /// The file named by the enterprises' `source` unless set per enterprise.
    public var sourceFile: String { storage.sourceFile }

    @inline(__always)
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    // MARK: Columns

    /// Longitudes (degrees), one per enterprise; NaN-free for Points.
    public var x: [Double] { storage.x }
    /// Latitudes (degrees).
    public var y: [Double] { storage.y }
    /// Index of each enterprise's industry in `industryCodes`.
    public var industryIndex: [UInt32] { storage.industry }
    /// The distinct industry codes, in order of first appearance.
    public var industryCodes: [IndustryCode] { storage.codes }

    /// The point location of enterprise `i` (nil for a non-Point geometry).
    public func location(at i: Int) -> Position? {
        let s = storage
        if !s.rare.isEmpty, let r = s.rare[i] {
            if r.geometry != nil { return nil }
            return Position(x: s.x[i], y: s.y[i], z: r.z)
        }
        return Position(x: s.x[i], y: s.y[i])
    }

    public func industry(at i: Int) -> IndustryCode { storage.codes[Int(storage.industry[i])] }
    public func output(at i: Int) -> Double? { storage.flags[i] & 1 != 0 ? storage.output[i] : nil }
    public func tax(at i: Int) -> Double? { storage.flags[i] & 2 != 0 ? storage.tax[i] : nil }
    public func land(at i: Int) -> Double? { storage.flags[i] & 4 != 0 ? storage.land[i] : nil }
    public func employees(at i: Int) -> Int? { storage.flags[i] & 8 != 0 ? storage.employees[i] : nil }
    public func aboveScale(at i: Int) -> Bool? {
        switch (storage.flags[i] >> 4) & 3 {
        case 1: false
        case 2: true
        default: nil
        }
    }
    public func id(at i: Int) -> String { text(i, 0, Int(storage.idLength[i])) }
    public func name(at i: Int) -> String { text(i, Int(storage.idLength[i]), Int(storage.nameLength[i])) }

    private func text(_ i: Int, _ offset: Int, _ count: Int) -> String {
        let from = storage.start[i] + offset
        return storage.arena.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[from..<(from + count)]), as: UTF8.self) }
    }

    /// The raw JSON bytes of enterprise `i`'s unknown properties, as read (an
    /// object `{…}`), or empty when it has none or they were given as a value.
    public func rawExtraProperties(at i: Int) -> ArraySlice<UInt8> {
        let from = storage.start[i] + Int(storage.idLength[i]) + Int(storage.nameLength[i])
        return storage.arena[from..<(from + Int(storage.extraLength[i]))]
    }

    public func extraProperties(at i: Int) -> JSONObject {
        if !storage.rare.isEmpty, let e = storage.rare[i]?.extras { return e }
        let raw = rawExtraProperties(at: i)
        guard !raw.isEmpty else { return JSONObject() }
        // The bytes were validated when recorded (by the same parser), so this cannot fail.
        guard let value = try? JSONText.parse(Array(raw)), let object = value.objectValue else {
            preconditionFailure("EnterpriseTable: unreadable raw properties at row \(i)")
        }
        return object
    }

    public func source(at i: Int) -> FeatureSource {
        FeatureSource(file: storage.rare.isEmpty ? storage.sourceFile : (storage.rare[i]?.file ?? storage.sourceFile), index: storage.sourceIndex[i])
    }

    // MARK: Appending rows

    /// Rows appended as plain arrays (a value, so appending a row costs no
    /// exclusivity checks of class properties), then made a table at once:
    /// the byte decoder's way in, with no `Enterprise` built.
    struct Rows {
        var x: [Double] = [], y: [Double] = [], output: [Double] = [], tax: [Double] = [], land: [Double] = []
        var employees: [Int] = []
        var flags: [UInt8] = []
        var industry: [UInt32] = []
        var start: [Int] = []
        var idLength: [UInt32] = [], nameLength: [UInt32] = [], extraLength: [UInt32] = []
        var sourceIndex: [Int] = []
        var arena: [UInt8] = []
        /// The codes `industry` indexes (set by the decoder, which interns them).
        var codes: [IndustryCode] = []
        var heights: [Int: Double] = [:]

        var count: Int { x.count }

        /// Appends one enterprise: `id` and `name` as UTF-8 bytes, `rawExtras`
        /// the unknown members as a JSON object (empty when none).
        mutating func append(
            x: Double, y: Double, z: Double?, id: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>,
            industry: UInt32, output: Double?, tax: Double?, employees: Int?, land: Double?, aboveScale: Bool?,
            rawExtras: UnsafeBufferPointer<UInt8>, sourceIndex: Int
        ) {
            if let z { heights[self.x.count] = z }
            self.x.append(x)
            self.y.append(y)
            var f: UInt8 = 0
            if let output { self.output.append(output); f |= 1 } else { self.output.append(0) }
            if let tax { self.tax.append(tax); f |= 2 } else { self.tax.append(0) }
            if let land { self.land.append(land); f |= 4 } else { self.land.append(0) }
            if let employees { self.employees.append(employees); f |= 8 } else { self.employees.append(0) }
            if let aboveScale { f |= aboveScale ? 0x20 : 0x10 }
            flags.append(f)
            self.industry.append(industry)
            start.append(arena.count)
            idLength.append(UInt32(id.count))
            nameLength.append(UInt32(name.count))
            extraLength.append(UInt32(rawExtras.count))
            arena.append(contentsOf: id)
            arena.append(contentsOf: name)
            arena.append(contentsOf: rawExtras)
            self.sourceIndex.append(sourceIndex)
        }

    }

    /// A table holding `rows` (moved in, not copied).
    init(rows: Rows, sourceFile: String) {
        let s = Storage(sourceFile: sourceFile)
        s.x = rows.x; s.y = rows.y; s.output = rows.output; s.tax = rows.tax; s.land = rows.land
        s.employees = rows.employees; s.flags = rows.flags; s.industry = rows.industry; s.start = rows.start
        s.idLength = rows.idLength; s.nameLength = rows.nameLength; s.extraLength = rows.extraLength
        s.sourceIndex = rows.sourceIndex; s.arena = rows.arena; s.codes = rows.codes
        for (k, code) in rows.codes.enumerated() { s.codeIndex[code] = UInt32(k) }
        for (k, z) in rows.heights { s.rare[k] = Rare(z: z) }
        storage = s
    }

    private func intern(_ code: IndustryCode) -> UInt32 {
        let s = storage
        if let k = s.codeIndex[code] { return k }
        let k = UInt32(s.codes.count)
        s.codes.append(code)
        s.codeIndex[code] = k
        return k
    }

    /// Appends every enterprise of `other`, column by column (no `Enterprise`
    /// is built); their feature indices are shifted by `indexOffset`.
    public mutating func append(table other: EnterpriseTable, indexOffset: Int = 0) {
        makeUnique()
        let s = storage, o = other.storage
        let base = s.x.count, arenaBase = s.arena.count
        s.x += o.x; s.y += o.y; s.output += o.output; s.tax += o.tax; s.land += o.land
        s.employees += o.employees; s.flags += o.flags
        let remap = o.codes.map { intern($0) }
        s.industry.append(contentsOf: o.industry.lazy.map { remap[Int($0)] })
        s.start.append(contentsOf: o.start.lazy.map { $0 + arenaBase })
        s.idLength += o.idLength; s.nameLength += o.nameLength; s.extraLength += o.extraLength
        if indexOffset == 0 {
            s.sourceIndex += o.sourceIndex
        } else {
            s.sourceIndex.append(contentsOf: o.sourceIndex.lazy.map { $0 + indexOffset })
        }
        s.arena += o.arena
        for (k, r) in o.rare {
            var r = r
            if r.file == nil, o.sourceFile != s.sourceFile { r.file = o.sourceFile }
            s.rare[base + k] = r
        }
        if o.sourceFile != s.sourceFile {
            for k in 0..<o.x.count where o.rare[k] == nil { s.rare[base + k] = Rare(file: o.sourceFile) }
        }
    }

    /// Gives back the spare capacity of every column (after loading).
    public mutating func shrinkToFit() {
        makeUnique()
        func exact<T>(_ a: inout [T]) {
            // Only a real surplus is worth a copy (reserved columns are exact up to malloc's rounding).
            guard a.capacity - a.count > a.count / 16 + 64 else { return }
            a = a.withUnsafeBufferPointer { Array($0) }
        }
        let s = storage
        exact(&s.x); exact(&s.y); exact(&s.output); exact(&s.tax); exact(&s.land); exact(&s.employees)
        exact(&s.flags); exact(&s.industry); exact(&s.start); exact(&s.idLength); exact(&s.nameLength)
        exact(&s.extraLength); exact(&s.sourceIndex); exact(&s.arena)
    }
}

extension EnterpriseTable: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    public typealias Index = Int
    public typealias Indices = Range<Int>

    public init() { self.init(sourceFile: DatasetFile.enterprises) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.x.count }
    public var count: Int { storage.x.count }
    public var indices: Range<Int> { 0..<storage.x.count }
    @inline(__always) public func index(after i: Int) -> Int { i + 1 }
    @inline(__always) public func index(before i: Int) -> Int { i - 1 }

    /// `self[i].geometry` without building the enterprise (its strings and properties).
    public func geometry(at i: Int) -> Geometry {
        let rare = storage.rare.isEmpty ? nil : storage.rare[i]
        return rare?.geometry ?? .point(Position(x: storage.x[i], y: storage.y[i], z: rare?.z))
    }

    public subscript(i: Int) -> Enterprise {
        get {
            precondition(i >= 0 && i < count, "EnterpriseTable index out of range")
            let rare = storage.rare.isEmpty ? nil : storage.rare[i]
            let geometry: Geometry = rare?.geometry ?? .point(Position(x: storage.x[i], y: storage.y[i], z: rare?.z))
            return Enterprise(
                id: id(at: i), name: name(at: i), industry: industry(at: i), output: output(at: i), tax: tax(at: i),
                employees: employees(at: i), land: land(at: i), aboveScale: aboveScale(at: i), geometry: geometry,
                extraProperties: rare?.extras ?? extraProperties(at: i),
                source: FeatureSource(file: rare?.file ?? storage.sourceFile, index: storage.sourceIndex[i]))
        }
        set {
            precondition(i >= 0 && i < count, "EnterpriseTable index out of range")
            makeUnique()
            set(newValue, at: i)
        }
    }

    /// Writes `e` over row `i` (unique storage). Strings that changed go to
    /// the end of the arena (the old bytes stay, unused).
    private mutating func set(_ e: Enterprise, at i: Int) {
        let s = storage
        var rare = s.rare[i] ?? Rare()
        switch e.geometry {
        case .point(let p):
            s.x[i] = p.x; s.y[i] = p.y
            rare.z = p.z; rare.geometry = nil
        default:
            s.x[i] = .nan; s.y[i] = .nan
            rare.z = nil; rare.geometry = e.geometry
        }
        var f: UInt8 = 0
        if let v = e.output { s.output[i] = v; f |= 1 } else { s.output[i] = 0 }
        if let v = e.tax { s.tax[i] = v; f |= 2 } else { s.tax[i] = 0 }
        if let v = e.land { s.land[i] = v; f |= 4 } else { s.land[i] = 0 }
        if let v = e.employees { s.employees[i] = v; f |= 8 } else { s.employees[i] = 0 }
        if let b = e.aboveScale { f |= b ? 0x20 : 0x10 }
        s.flags[i] = f
        s.industry[i] = intern(e.industry)
        s.sourceIndex[i] = e.source.index
        rare.file = e.source.file == s.sourceFile ? nil : e.source.file
        let extrasUnchanged = s.extraLength[i] > 0 && rare.extras == nil && e.extraProperties == extraProperties(at: i)
        let stringsUnchanged = id(at: i) == e.id && name(at: i) == e.name
        if !(stringsUnchanged && (extrasUnchanged || s.extraLength[i] == 0)) {
            let keepRaw = extrasUnchanged ? Array(rawExtraProperties(at: i)) : []
            s.start[i] = s.arena.count
            s.arena.append(contentsOf: e.id.utf8)
            s.arena.append(contentsOf: e.name.utf8)
            s.arena.append(contentsOf: keepRaw)
            s.idLength[i] = UInt32(e.id.utf8.count)
            s.nameLength[i] = UInt32(e.name.utf8.count)
            s.extraLength[i] = UInt32(keepRaw.count)
        }
        if s.extraLength[i] == 0 {
            rare.extras = e.extraProperties.isEmpty ? nil : e.extraProperties
        } else {
            rare.extras = nil
        }
        s.rare[i] = rare.isEmpty ? nil : rare
    }

    public mutating func append(_ e: Enterprise) {
        makeUnique()
        let s = storage
        let row = s.x.count
        s.x.append(0); s.y.append(0); s.output.append(0); s.tax.append(0); s.land.append(0)
        s.employees.append(0); s.flags.append(0); s.industry.append(0); s.start.append(s.arena.count)
        s.idLength.append(0); s.nameLength.append(0); s.extraLength.append(0); s.sourceIndex.append(0)
        set(e, at: row)
    }

    public mutating func reserveCapacity(_ n: Int) {
        makeUnique()
        let s = storage
        s.x.reserveCapacity(n); s.y.reserveCapacity(n); s.output.reserveCapacity(n); s.tax.reserveCapacity(n)
        s.land.reserveCapacity(n); s.employees.reserveCapacity(n); s.flags.reserveCapacity(n)
        s.industry.reserveCapacity(n); s.start.reserveCapacity(n); s.idLength.reserveCapacity(n)
        s.nameLength.reserveCapacity(n); s.extraLength.reserveCapacity(n); s.sourceIndex.reserveCapacity(n)
    }

    /// Reserves room for `n` enterprises whose ids, names and raw properties
    /// take `arenaBytes` in all (an estimate saves copying the arena as it grows).
    public mutating func reserveCapacity(_ n: Int, arenaBytes: Int) {
        reserveCapacity(n)
        storage.arena.reserveCapacity(arenaBytes)
    }

    /// UTF-8 bytes of ids, names and raw properties held (with any left by replaced strings).
    public var arenaBytes: Int { storage.arena.count }

    /// Rebuilds the table around the replaced range (rows outside it are
    /// copied column-wise, the new ones appended one by one).
    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C) where C.Element == Enterprise {
        var rebuilt = EnterpriseTable(sourceFile: storage.sourceFile)
        rebuilt.reserveCapacity(count - subrange.count + newElements.count)
        rebuilt.appendRows(of: self, subrange.lowerBound == 0 ? 0..<0 : 0..<subrange.lowerBound)
        for e in newElements { rebuilt.append(e) }
        rebuilt.appendRows(of: self, subrange.upperBound..<count)
        self = rebuilt
    }

    /// Appends rows `range` of `other` without building `Enterprise` values.
    mutating func appendRows(of other: EnterpriseTable, _ range: Range<Int>) {
        appendRows(of: other, rows: range)
    }

    /// Appends rows `rows` of `other`, in that order, column by column (codes
    /// re-interned once per distinct code, not per row).
    mutating func appendRows<S: Sequence>(of other: EnterpriseTable, rows: S) where S.Element == Int {
        makeUnique()
        let s = storage, o = other.storage
        let remap = o.codes.map { intern($0) }
        let differentFile = o.sourceFile != s.sourceFile
        for k in rows {
            let row = s.x.count
            s.x.append(o.x[k]); s.y.append(o.y[k]); s.output.append(o.output[k]); s.tax.append(o.tax[k])
            s.land.append(o.land[k]); s.employees.append(o.employees[k]); s.flags.append(o.flags[k])
            s.idLength.append(o.idLength[k]); s.nameLength.append(o.nameLength[k]); s.extraLength.append(o.extraLength[k])
            s.sourceIndex.append(o.sourceIndex[k])
            s.industry.append(remap[Int(o.industry[k])])
            let from = o.start[k], n = Int(o.idLength[k]) + Int(o.nameLength[k]) + Int(o.extraLength[k])
            s.start.append(s.arena.count)
            s.arena.append(contentsOf: o.arena[from..<(from + n)])
            if !o.rare.isEmpty, var r = o.rare[k] {
                if r.file == nil, differentFile { r.file = o.sourceFile }
                s.rare[row] = r
            } else if differentFile {
                s.rare[row] = Rare(file: o.sourceFile)
            }
        }
    }
}

extension EnterpriseTable {
    /// The rows `rows`, in that order, copied column-wise.
    public func selecting<S: Sequence>(_ rows: S) -> EnterpriseTable where S.Element == Int {
        var picked = EnterpriseTable(sourceFile: sourceFile)
        picked.reserveCapacity(rows.underestimatedCount)
        picked.appendRows(of: self, rows: rows)
        return picked
    }

    /// The table without the rows in `rows`, the others copied column-wise in order.
    public func removingRows(_ rows: Set<Int>) -> EnterpriseTable {
        var kept = EnterpriseTable(sourceFile: sourceFile)
        kept.reserveCapacity(count - rows.count)
        kept.appendRows(of: self, rows: indices.lazy.filter { !rows.contains($0) })
        return kept
    }
}

extension EnterpriseTable: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Enterprise...) { self.init(elements) }
}

extension EnterpriseTable: Equatable {
    /// Equal when they hold equal enterprises in the same order (however stored).
    public static func == (a: EnterpriseTable, b: EnterpriseTable) -> Bool {
        a.storage === b.storage || a.elementsEqual(b)
    }
}
