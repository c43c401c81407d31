import LayoutModel

/// Land-use statistics of one unit (a park, a district or the whole dataset),
/// docs/analyses.md §2: its own ellipsoidal area, the parcel area inside it by
/// land-use class and by status, and the intensive-use indicators.
///
/// Units: m² on GRS80 (PROJ `geod_polygonarea`); attributes of parcels that
/// cross the boundary are apportioned by the share of their area inside.
public struct UnitStatistics: Sendable, Hashable {
    /// The unit's own geodesic area, m².
    public var area: Double
    /// Parcels with some area inside the unit.
    public var parcelCount: Int
    /// The sums the indicators are formed from (`totals.parcelArea` is the parcel area).
    public var totals: LandUseTotals
    /// Parcel area by class, by code ascending; only classes with area.
    public var landUse: [LandUseClassArea]
    /// Parcel area by status, every status in `ParcelStatus.allCases` order (0 when absent).
    public var statuses: [StatusArea]
    /// The twelve indicators.
    public var indicators: IntensiveUseIndicators

    /// Σ parcel area inside the unit, m².
    public var parcelArea: Double { totals.parcelArea }

    /// The parcel area of one status, m².
    public func area(of status: ParcelStatus) -> Double {
        statuses.first { $0.status == status }?.area ?? 0
    }
}

/// Accumulates parcel parts into one unit's statistics. Parts must be added in
/// a fixed order (parcel order) so that sums are identical for any thread count.
struct UnitAccumulator {
    private(set) var totals = LandUseTotals()
    private(set) var parcelCount = 0
    private var classAreas: [Double]
    private var statusAreas = [Double](repeating: 0, count: ParcelStatus.allCases.count)

    init(classCount: Int) {
        classAreas = [Double](repeating: 0, count: classCount)
    }

    mutating func add(_ parcel: ParcelFacts, classIndex: Int, area: Double, share: Double) {
        guard area > 0 else { return }
        parcelCount += 1
        totals.add(parcel, area: area, share: share)
        classAreas[classIndex] += area
        statusAreas[parcel.statusIndex] += area
    }

    func finish(unitArea: Double, classCodes: [String]) -> UnitStatistics {
        let parcelArea = totals.parcelArea
        var classes: [LandUseClassArea] = []
        for (i, code) in classCodes.enumerated() where classAreas[i] > 0 {
            let names = LandUseClassKey.names(of: code)
            classes.append(LandUseClassArea(
                code: code, nameZh: names.zh, nameEn: names.en, area: classAreas[i],
                share: IntensiveUseIndicators.ratio(classAreas[i], parcelArea)))
        }
        classes.sort { $0.code < $1.code }
        let statuses = ParcelStatus.allCases.enumerated().map { StatusArea(status: $0.element, area: statusAreas[$0.offset]) }
        return UnitStatistics(
            area: unitArea, parcelCount: parcelCount, totals: totals, landUse: classes, statuses: statuses,
            indicators: IntensiveUseIndicators(totals))
    }
}

extension ParcelFacts {
    /// Position of the status in `ParcelStatus.allCases`.
    var statusIndex: Int {
        switch status {
        case .built: 0
        case .underConstruction: 1
        case .suppliedUnbuilt: 2
        case .idle: 3
        case .ready: 4
        case .unready: 5
        case .unbuildable: 6
        }
    }
}
