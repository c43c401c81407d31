import LayoutModel

/// The area and attribute sums of one statistical unit from which the
/// intensive-use indicators are formed (docs/analyses.md §2).
///
/// Areas are ellipsoidal m² (GRS80) of the parts of parcels inside the unit;
/// floor area and footprint are m², investment and tax 万元, each apportioned
/// by the share of the parcel's area inside the unit (a missing value counts 0).
/// Letters follow the development-zone evaluation rules (开发区土地集约利用评价):
/// A built, A2 built 工矿仓储 (land use under 10 or 11), D supplied, G idle.
public struct LandUseTotals: Sendable, Hashable {
    /// Σ parcel area inside the unit, m².
    public var parcelArea = 0.0
    /// A: built area, m².
    public var built = 0.0
    /// A2: built area whose land use is under 10 or 11 (工矿仓储), m².
    public var industrialBuilt = 0.0
    /// D: supplied area (built, under construction, supplied unbuilt, idle), m².
    public var supplied = 0.0
    /// G: idle area, m².
    public var idle = 0.0
    /// D + ready land, m².
    public var developed = 0.0
    /// Every parcel but the unbuildable ones, m².
    public var buildable = 0.0
    /// Σ floor area on A, m².
    public var floorAreaOnBuilt = 0.0
    /// Σ footprint on A, m².
    public var footprintOnBuilt = 0.0
    /// Σ tax on A, 万元.
    public var taxOnBuilt = 0.0
    /// Σ floor area on A2, m².
    public var floorAreaOnIndustrial = 0.0
    /// Σ footprint on A2, m².
    public var footprintOnIndustrial = 0.0
    /// Σ fixed-asset investment on A2, 万元.
    public var investmentOnIndustrial = 0.0
    /// Σ tax on A2, 万元.
    public var taxOnIndustrial = 0.0

    public init() {}

    /// Adds the part of `parcel` inside the unit: `area` m², which is the
    /// fraction `share` (0…1) of the parcel's own area.
    public mutating func add(_ parcel: Parcel, area: Double, share: Double) {
        add(ParcelFacts(parcel), area: area, share: share)
    }

    /// As `add(_:area:share:)`, from the parcel's extracted facts (no copy of the parcel).
    public mutating func add(_ parcel: ParcelFacts, area: Double, share: Double) {
        parcelArea += area
        let status = parcel.status
        if status.isBuildable { buildable += area }
        if status.isDeveloped { developed += area }
        if status.isSupplied { supplied += area }
        if status.isIdle { idle += area }
        guard status.isBuilt else { return }
        let floor = parcel.floorArea * share
        let footprint = parcel.footprint * share
        let tax = parcel.tax * share
        built += area
        floorAreaOnBuilt += floor
        footprintOnBuilt += footprint
        taxOnBuilt += tax
        guard parcel.isIndustrialOrWarehouse else { return }
        industrialBuilt += area
        floorAreaOnIndustrial += floor
        footprintOnIndustrial += footprint
        investmentOnIndustrial += parcel.investment * share
        taxOnIndustrial += tax
    }
}

/// What the statistics need of a parcel, as plain values: extracted once, so
/// that hot loops do not copy `Parcel` (strings, geometry, properties).
public struct ParcelFacts: Sendable, Hashable {
    public var status: ParcelStatus
    /// Land use under 10 or 11 (工矿仓储).
    public var isIndustrialOrWarehouse: Bool
    /// m².
    public var floorArea: Double
    /// m².
    public var footprint: Double
    /// 万元; 0 when absent.
    public var investment: Double
    /// 万元; 0 when absent.
    public var tax: Double

    public init(_ parcel: borrowing Parcel) {
        status = parcel.status
        isIndustrialOrWarehouse = parcel.isIndustrialOrWarehouse
        floorArea = parcel.floorArea
        footprint = parcel.footprint
        investment = parcel.investment ?? 0
        tax = parcel.tax ?? 0
    }
}
