import LayoutModel

/// How a new parcel changed since the old snapshot, for maps and counts
/// (docs/analyses.md §6). The old state of a new parcel is that of the old parcel
/// sharing the largest area with it (the first in old order on a tie).
public enum ParcelChange: String, Sendable, Hashable, CaseIterable {
    /// No old parcel overlaps it with area: newly surveyed or newly parcelled land.
    case new
    /// Same status and land-use class as its old parcel.
    case unchanged
    /// Idle (闲置) land that is built now: reclaimed.
    case idleToBuilt = "idle_to_built"
    /// Any other status that became built.
    case newlyBuilt = "newly_built"
    /// Built land that is idle now.
    case builtToIdle = "built_to_idle"
    /// Another change of status.
    case statusChanged = "status_changed"
    /// Same status, another land-use class (at the comparison's level).
    case landUseChanged = "land_use_changed"

    /// Classifies a parcel from its old and new status and class (`nil` old: no overlap).
    public static func classify(old: (status: ParcelStatus, landUse: String)?, new: (status: ParcelStatus, landUse: String)) -> ParcelChange {
        guard let old else { return .new }
        if old.status == new.status { return old.landUse == new.landUse ? .unchanged : .landUseChanged }
        if new.status == .built { return old.status == .idle ? .idleToBuilt : .newlyBuilt }
        if old.status == .built && new.status == .idle { return .builtToIdle }
        return .statusChanged
    }

    public var nameZh: String {
        switch self {
        case .new: "新增地块"
        case .unchanged: "未变化"
        case .idleToBuilt: "闲置→建成（盘活）"
        case .newlyBuilt: "新建成"
        case .builtToIdle: "建成→闲置"
        case .statusChanged: "状态变化"
        case .landUseChanged: "用途变化"
        }
    }

    /// simplestyle fill colour for maps: unchanged grey, reclaimed green,
    /// built→idle red, new blue.
    public var colour: String {
        switch self {
        case .new: "#1f78b4"
        case .unchanged: "#9e9e9e"
        case .idleToBuilt: "#1a9850"
        case .newlyBuilt: "#91cf60"
        case .builtToIdle: "#d73027"
        case .statusChanged: "#fdae61"
        case .landUseChanged: "#984ea3"
        }
    }
}
