import GeoCore

/// Parcels decoded column by column from a table (a GeoPackage layer read in
/// record batches), without a `Feature` and a `FeatureReader` per row.
///
/// Only rows that `Parcel.decode` would accept without a single problem are
/// decoded here: `id`, `land_use` (a code of the shipped table), `status` (a
/// case name) as non-empty text; the four numbers absent, null or finite
/// ≥ 0; `enterprise` absent, null or non-empty text; a Polygon or
/// MultiPolygon whose positions are all finite lon/lat. For such a row the
/// result equals `Parcel.decode` of the row's feature (same values, extra
/// properties in column order). Every other row returns nil and the caller
/// decodes its feature with `Parcel.decode`, which reports the problems;
/// so results and problems are the same as decoding every feature.
public struct ParcelColumns: Sendable {
    /// Column index of each key `Parcel.decode` reads, nil when the table has no such column.
    private let id, landUse, status, floorArea, footprint, investment, tax, enterprise: Int?
    /// The other columns, in order: the parcel's `extraProperties`.
    private let extra: [(index: Int, name: String)]

    /// The keys `Parcel.decode` reads (its `FeatureReader`'s understood keys).
    static let keys = ["id", "land_use", "status", "floor_area_m2", "footprint_m2", "investment_wan", "tax_wan", "enterprise"]

    /// `names`: the table's columns in order (unique, as a table's are).
    public init(names: [String]) {
        func column(_ key: String) -> Int? { names.firstIndex(of: key) }
        id = column("id")
        landUse = column("land_use")
        status = column("status")
        floorArea = column("floor_area_m2")
        footprint = column("footprint_m2")
        investment = column("investment_wan")
        tax = column("tax_wan")
        enterprise = column("enterprise")
        extra = names.enumerated().filter { !Self.keys.contains($0.element) }.map { ($0.offset, $0.element) }
    }

    /// The parcel of `row` (`columns[c][row]` the value of column c), or nil when the row needs
    /// `Parcel.decode` (it has a problem, or is shaped in a way this fast path does not handle).
    public func parcel(
        _ columns: [[JSONValue]], row: Int, geometry: Geometry?, file: String = DatasetFile.parcels, index: Int
    ) -> Parcel? {
        guard let id, let landUse, let status,
              case .string(let idText) = columns[id][row], !idText.isEmpty,
              case .string(let code) = columns[landUse][row], LandUseTable.check(code) == .known,
              case .string(let statusText) = columns[status][row], let parcelStatus = ParcelStatus(rawValue: statusText),
              let floor = Self.number(columns, floorArea, row), let base = Self.number(columns, footprint, row),
              let invest = Self.number(columns, investment, row), let taxed = Self.number(columns, tax, row),
              let user = Self.text(columns, enterprise, row),
              let geometry, Self.isUsable(geometry)
        else { return nil }
        var members: [JSONObject.Member] = []
        if !extra.isEmpty {
            members.reserveCapacity(extra.count)
            for (c, name) in extra { members.append(JSONObject.Member(key: name, value: columns[c][row])) }
        }
        return Parcel(
            id: idText, landUse: code, status: parcelStatus, floorArea: floor ?? 0, footprint: base ?? 0,
            investment: invest, tax: taxed, enterprise: user, geometry: geometry,
            extraProperties: JSONObject(members: members), source: FeatureSource(file: file, index: index))
    }

    /// `.some(nil)` for an absent or null number, `.some(n)` for a finite n ≥ 0, nil otherwise.
    private static func number(_ columns: [[JSONValue]], _ c: Int?, _ row: Int) -> Double?? {
        guard let c else { return .some(nil) }
        switch columns[c][row] {
        case .null: return .some(nil)
        case .double(let d) where d.isFinite && d >= 0: return .some(d)
        case .integer(let i) where i >= 0: return .some(Double(i))
        default: return nil
        }
    }

    /// `.some(nil)` for absent or null text, `.some(s)` for non-empty text, nil otherwise.
    private static func text(_ columns: [[JSONValue]], _ c: Int?, _ row: Int) -> String?? {
        guard let c else { return .some(nil) }
        switch columns[c][row] {
        case .null: return .some(nil)
        case .string(let s) where !s.isEmpty: return .some(s)
        default: return nil
        }
    }

    /// The columns of one batch taken out of the table once, so that each row's values are
    /// read from plain arrays (`columns[c][row]` retains and releases column c's storage on
    /// every read, some twenty times a row).
    public func bind(_ columns: [[JSONValue]]) -> Bound {
        func column(_ c: Int?) -> [JSONValue]? { c.map { columns[$0] } }
        return Bound(
            keys: self, id: column(id), landUse: column(landUse), status: column(status), floorArea: column(floorArea),
            footprint: column(footprint), investment: column(investment), tax: column(tax), enterprise: column(enterprise),
            extra: extra.map { (columns[$0.index], $0.name) })
    }

    /// One batch's columns bound by `bind(_:)`: `parcel(row:…)` equals `ParcelColumns.parcel(columns, row:…)`.
    public struct Bound {
        let keys: ParcelColumns
        let id, landUse, status, floorArea, footprint, investment, tax, enterprise: [JSONValue]?
        let extra: [(values: [JSONValue], name: String)]

        /// The parcel of `row`, or nil when the row needs `Parcel.decode` (as `ParcelColumns.parcel`).
        public func parcel(row: Int, geometry: Geometry?, file: String = DatasetFile.parcels, index: Int) -> Parcel? {
            guard let id, let landUse, let status,
                  case .string(let idText) = id[row], !idText.isEmpty,
                  case .string(let code) = landUse[row], LandUseTable.check(code) == .known,
                  case .string(let statusText) = status[row], let parcelStatus = ParcelStatus(rawValue: statusText),
                  let floor = ParcelColumns.number(floorArea, row), let base = ParcelColumns.number(footprint, row),
                  let invest = ParcelColumns.number(investment, row), let taxed = ParcelColumns.number(tax, row),
                  let user = ParcelColumns.text(enterprise, row),
                  let geometry, ParcelColumns.isUsable(geometry)
            else { return nil }
            var members: [JSONObject.Member] = []
            if !extra.isEmpty {
                members.reserveCapacity(extra.count)
                for (values, name) in extra { members.append(JSONObject.Member(key: name, value: values[row])) }
            }
            return Parcel(
                id: idText, landUse: code, status: parcelStatus, floorArea: floor ?? 0, footprint: base ?? 0,
                investment: invest, tax: taxed, enterprise: user, geometry: geometry,
                extraProperties: JSONObject(members: members), source: FeatureSource(file: file, index: index))
        }
    }

    @inline(__always)
    static func number(_ column: [JSONValue]?, _ row: Int) -> Double?? {
        guard let column else { return .some(nil) }
        switch column[row] {
        case .null: return .some(nil)
        case .double(let d) where d.isFinite && d >= 0: return .some(d)
        case .integer(let i) where i >= 0: return .some(Double(i))
        default: return nil
        }
    }

    @inline(__always)
    static func text(_ column: [JSONValue]?, _ row: Int) -> String?? {
        guard let column else { return .some(nil) }
        switch column[row] {
        case .null: return .some(nil)
        case .string(let s) where !s.isEmpty: return .some(s)
        default: return nil
        }
    }

    /// What `checkGeometry(_:expected: .polygonal)` accepts without a problem, in one pass.
    static func isUsable(_ geometry: Geometry) -> Bool {
        switch geometry {
        case .polygon(let p): return isUsable(p)
        case .multiPolygon(let ps): return !ps.isEmpty && ps.allSatisfy(isUsable)
        default: return false
        }
    }

    private static func isUsable(_ polygon: Polygon) -> Bool {
        guard let exterior = polygon.exterior, exterior.count > 0 else { return false }
        for ring in polygon.rings {
            let ok = ring.storage.withUnsafeBufferPointer { values in
                let width = ring.hasZ ? 3 : 2
                var i = 0
                while i + 1 < values.count {
                    let x = values[i], y = values[i + 1]
                    // NaN fails both comparisons.
                    guard x.magnitude <= 180, y.magnitude <= 90 else { return false }
                    i += width
                }
                return true
            }
            if !ok { return false }
        }
        return true
    }
}
