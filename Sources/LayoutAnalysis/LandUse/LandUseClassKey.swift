import LayoutModel

/// The class a parcel counts under at a statistics level (docs/analyses.md §2):
/// its code's ancestor at `level`, or its own code when it is coded coarser
/// than `level` (a `"10"` parcel stays `"10"` under `--level 3`).
public enum LandUseClassKey {
    /// The class code for `code` at `level` (1, 2 or 3).
    public static func code(for code: String, level: Int) -> String {
        LandUseCode.ancestor(of: code, atLevel: level) ?? code
    }

    /// Chinese and English names of a class code: the shipped class, or for a
    /// code the table does not list, its nearest listed ancestor's names marked
    /// as a subclass (`"工业用地（下级类 100199）"`); empty for an unknown tree.
    public static func names(of code: String) -> (zh: String, en: String) {
        if let known = LandUseTable.lookup(code) { return (known.nameZh, known.nameEn) }
        if let parent = LandUseCode.parentCode(of: code), let ancestor = LandUseTable.nearestKnown(parent) {
            return ("\(ancestor.nameZh)（下级类 \(code)）", "\(ancestor.nameEn) (subclass \(code))")
        }
        return ("", "")
    }
}

/// Area of one land-use class within a unit.
public struct LandUseClassArea: Sendable, Hashable {
    /// The class code at the requested level (or coarser, see `LandUseClassKey`).
    public var code: String
    public var nameZh: String
    public var nameEn: String
    /// Parcel area of the class inside the unit, m² (GRS80).
    public var area: Double
    /// `area` / the unit's parcel area; `nil` when the unit holds no parcel area.
    public var share: Double?
}

/// Parcel area of one status within a unit.
public struct StatusArea: Sendable, Hashable {
    public var status: ParcelStatus
    /// m² (GRS80).
    public var area: Double
}
