import GEOS
import GeoCore
import LayoutAnalysis
import LayoutModel
import PROJ
import XCTest

/// Small hand-built cases whose answers follow from the definitions (docs/analyses.md §2).
final class LandUseUnitTests: XCTestCase {
    static func rect(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Geometry {
        .polygon(Polygon(exterior: CoordinateSequence(xy: [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)])))
    }

    static func parcel(
        _ id: String, _ landUse: String, _ status: ParcelStatus, _ geometry: Geometry, floor: Double = 0, footprint: Double = 0,
        investment: Double? = nil, tax: Double? = nil, enterprise: String? = nil
    ) -> Parcel {
        Parcel(id: id, landUse: landUse, status: status, floorArea: floor, footprint: footprint, investment: investment, tax: tax,
               enterprise: enterprise, geometry: geometry, source: FeatureSource(file: "parcels.geojson", index: 0))
    }

    static func park(_ id: String, _ geometry: Geometry, district: String? = nil) -> Park {
        Park(id: id, name: id, level: .municipal, district: district, mainIndustries: [], geometry: geometry,
             source: FeatureSource(file: "parks.geojson", index: 0))
    }

    static func district(_ code: String, _ geometry: Geometry, kind: DistrictKind = .administrative) -> District {
        District(code: code, name: code, kind: kind, geometry: geometry, source: FeatureSource(file: "districts.geojson", index: 0))
    }

    /// A built industrial parcel split in half by the park's edge on its middle meridian: the two halves are
    /// mirror images, so exactly half its area, floor area, footprint, investment and tax count.
    func testParcelHalfInsideParkCountsHalfItsAreaAndAttributes() throws {
        let before = GEOSLibrary.liveHandles
        do {
            let whole = Self.rect(104.0, 31.0, 104.002, 31.001)
            let parcel = Self.parcel("L1", "100101", .built, whole, floor: 1000, footprint: 400, investment: 600, tax: 80)
            let dataset = Dataset(folder: "", districts: [], parks: [Self.park("P", Self.rect(103.99, 30.99, 104.001, 31.01))],
                                  parcels: [parcel])
            let report = try LandUseStatistics.compute(dataset: dataset, level: 2, threads: 2)
            let u = report.parks[0].statistics
            let full = Geodesic.grs80.area(of: whole)
            let half = Geodesic.grs80.area(of: Self.rect(104.0, 31.0, 104.001, 31.001))
            XCTAssertEqual(half / full, 0.5, accuracy: 1e-9)
            XCTAssertEqual(u.parcelArea, half, accuracy: half * 1e-9)
            XCTAssertEqual(u.parcelCount, 1)
            XCTAssertEqual(u.totals.built, half, accuracy: half * 1e-9)
            XCTAssertEqual(u.totals.industrialBuilt, half, accuracy: half * 1e-9)
            XCTAssertEqual(u.totals.floorAreaOnBuilt, 500, accuracy: 1e-6)
            XCTAssertEqual(u.totals.footprintOnIndustrial, 200, accuracy: 1e-6)
            XCTAssertEqual(u.totals.investmentOnIndustrial, 300, accuracy: 1e-6)
            XCTAssertEqual(u.totals.taxOnBuilt, 40, accuracy: 1e-6)
            // Ratios are unchanged by halving: the floor-area ratio is 1000 m² over the whole parcel.
            XCTAssertEqual(u.indicators.floorAreaRatio!, 1000 / full, accuracy: 1e-9)
            XCTAssertEqual(u.indicators.investmentIntensity!, 600 / (full / 10_000), accuracy: 1e-6)
            XCTAssertEqual(u.landUse.map(\.code), ["1001"])
            XCTAssertEqual(u.landUse[0].share, 1)
            // The whole-dataset unit takes the parcel unclipped.
            XCTAssertEqual(report.total.parcelArea, full)
            XCTAssertEqual(report.total.totals.floorAreaOnBuilt, 1000)
        }
        XCTAssertEqual(GEOSLibrary.liveHandles, before)
    }

    /// A parcel wholly inside counts exactly its own precomputed area.
    func testCoveredParcelCountsItsWholeArea() throws {
        let g = Self.rect(104.0, 31.0, 104.002, 31.001)
        let overlay = try ParcelOverlay(parcels: [Self.parcel("L", "0701", .ready, g)], threads: 1)
        let parts = try overlay.parts(inside: [Self.rect(103.9, 30.9, 104.1, 31.1), Self.rect(105, 31, 106, 32)])
        XCTAssertEqual(parts[0], [ParcelPart(parcel: 0, area: Geodesic.grs80.area(of: g), share: 1)])
        XCTAssertEqual(parts[1], [])
    }

    /// Zero denominators give nil, never NaN or infinity.
    func testZeroDenominatorsAreNil() throws {
        let empty = IntensiveUseIndicators(LandUseTotals())
        XCTAssertTrue(empty.all.allSatisfy { $0.value == nil })
        XCTAssertEqual(empty.all.count, 12)
        // Only unbuildable land: nothing is buildable, developed, supplied or built.
        let dataset = Dataset(
            folder: "", districts: [], parks: [Self.park("P", Self.rect(104, 31, 104.01, 31.01)), Self.park("Q", Self.rect(105, 31, 105.01, 31.01))],
            parcels: [Self.parcel("W", "1701", .unbuildable, Self.rect(104.001, 31.001, 104.002, 31.002))])
        let report = try LandUseStatistics.compute(dataset: dataset, level: 1, threads: 1)
        let p = report.parks[0].statistics
        XCTAssertGreaterThan(p.parcelArea, 0)
        XCTAssertEqual(p.indicators, empty)
        XCTAssertEqual(p.landUse.map(\.code), ["17"])
        // A park without parcels: no class list, every share and indicator nil.
        let q = report.parks[1].statistics
        XCTAssertEqual(q.parcelArea, 0)
        XCTAssertEqual(q.landUse, [])
        XCTAssertEqual(q.indicators, empty)
        XCTAssertEqual(report.total.area, 0, "no administrative district: the total's own area is 0")
    }

    /// Level 1/2/3 aggregation; a parcel coded coarser than asked counts under its own code.
    func testLevelAggregationAndCoarseCodes() throws {
        let codes = ["100101", "100102", "1001", "10", "0701", "070101", "11"]
        let parcels = codes.enumerated().map { i, code in
            Self.parcel("L\(i)", code, .built, Self.rect(104 + Double(i) * 0.01, 31, 104.005 + Double(i) * 0.01, 31.005))
        }
        let areas = parcels.map { Geodesic.grs80.area(of: $0.geometry) }
        let overlay = try ParcelOverlay(parcels: parcels, threads: 2)
        func classes(_ level: Int) -> [String: Double] {
            Dictionary(uniqueKeysWithValues: overlay.wholeStatistics(unitArea: 1, level: level).landUse.map { ($0.code, $0.area) })
        }
        XCTAssertEqual(classes(1), ["10": areas[0] + areas[1] + areas[2] + areas[3], "07": areas[4] + areas[5], "11": areas[6]])
        XCTAssertEqual(classes(2), ["1001": areas[0] + areas[1] + areas[2], "10": areas[3], "0701": areas[4] + areas[5], "11": areas[6]])
        XCTAssertEqual(classes(3), ["100101": areas[0], "100102": areas[1], "1001": areas[2], "10": areas[3], "0701": areas[4],
                                    "070101": areas[5], "11": areas[6]])
        let level3 = overlay.wholeStatistics(unitArea: 1, level: 3)
        XCTAssertEqual(level3.landUse.map(\.code), ["0701", "070101", "10", "1001", "100101", "100102", "11"])
        XCTAssertEqual(level3.landUse.compactMap(\.share).reduce(0, +), 1, accuracy: 1e-12)
        XCTAssertEqual(level3.landUse.first { $0.code == "10" }?.nameZh, "工矿用地")
        // Every parcel here is 工矿仓储 except the two residential ones.
        XCTAssertEqual(level3.totals.industrialBuilt, areas[0] + areas[1] + areas[2] + areas[3] + areas[6], accuracy: 1e-6)
        XCTAssertThrowsError(try LandUseStatistics.compute(dataset: Dataset(folder: "", districts: [], parks: []), level: 4))
    }

    /// Status areas and the indicator formulas on a hand-made mix.
    func testIndicatorFormulas() {
        var t = LandUseTotals()
        let g = Self.rect(0, 0, 1, 1)
        let built = Self.parcel("a", "1001", .built, g, floor: 3000, footprint: 1000, investment: 500, tax: 50)
        t.add(built, area: 2000, share: 1)
        t.add(Self.parcel("b", "0901", .built, g, floor: 1000, footprint: 200, tax: 10), area: 1000, share: 0.5)
        t.add(Self.parcel("c", "1001", .idle, g), area: 500, share: 1)
        t.add(Self.parcel("d", "1001", .ready, g), area: 500, share: 1)
        t.add(Self.parcel("e", "1001", .unready, g), area: 1000, share: 1)
        t.add(Self.parcel("f", "17", .unbuildable, g), area: 4000, share: 1)
        let i = IntensiveUseIndicators(t)
        XCTAssertEqual(i.landDevelopmentRate, 4000.0 / 5000)
        XCTAssertEqual(i.landSupplyRate, 3500.0 / 4000)
        XCTAssertEqual(i.landBuiltRate, 3000.0 / 3500)
        XCTAssertEqual(i.industrialLandRate, 2000.0 / 3000)
        XCTAssertEqual(i.floorAreaRatio, 3500.0 / 3000)
        XCTAssertEqual(i.buildingDensity, 1100.0 / 3000)
        XCTAssertEqual(i.industrialFloorAreaRatio, 3000.0 / 2000)
        XCTAssertEqual(i.industrialBuildingCoefficient, 1000.0 / 2000)
        XCTAssertEqual(i.investmentIntensity!, 500.0 / 0.2, accuracy: 1e-9)
        XCTAssertEqual(i.industrialTaxPerHectare!, 50.0 / 0.2, accuracy: 1e-9)
        XCTAssertEqual(i.taxPerHectare!, 55.0 / 0.3, accuracy: 1e-9)
        XCTAssertEqual(i.idleLandRate, 500.0 / 3500)
    }

    /// A park without `district` reports to the district holding most of its area.
    func testParkWithoutDistrictReportsToLargestShare() throws {
        let dataset = Dataset(
            folder: "",
            districts: [Self.district("W", Self.rect(104, 31, 104.1, 31.1)), Self.district("E", Self.rect(104.1, 31, 104.2, 31.1)),
                        Self.district("FZ", Self.rect(104.3, 31, 104.4, 31.1), kind: .functional)],
            parks: [Self.park("P", Self.rect(104.09, 31.05, 104.13, 31.06)), Self.park("Q", Self.rect(104.05, 31.05, 104.06, 31.06), district: "FZ"),
                    Self.park("R", Self.rect(110, 31, 110.1, 31.1))])
        XCTAssertEqual(try LandUseStatistics.reportingDistricts(of: dataset), ["E", "FZ", nil])
        // The total's own area is the union of the administrative districts only; W and E share a
        // meridian (a geodesic), so the union's area is the sum of theirs.
        let union = Geodesic.grs80.area(of: Self.rect(104, 31, 104.1, 31.1)) + Geodesic.grs80.area(of: Self.rect(104.1, 31, 104.2, 31.1))
        XCTAssertEqual(try LandUseStatistics.administrativeUnionArea(dataset), union, accuracy: union * 1e-9)
    }

    /// Results are identical (bit for bit) for any number of threads.
    func testIdenticalForAnyThreadCount() throws {
        let dataset = try StatsFixture.dataset("GeoData/mianyang")
        let one = try LandUseStatistics.compute(dataset: dataset, level: 3, threads: 1)
        for threads in [2, 3, 5] {
            let other = try LandUseStatistics.compute(dataset: dataset, level: 3, threads: threads)
            XCTAssertEqual(other.parks.map(\.statistics), one.parks.map(\.statistics), "threads \(threads)")
            XCTAssertEqual(other.districts.map(\.statistics), one.districts.map(\.statistics), "threads \(threads)")
            XCTAssertEqual(other.total, one.total)
        }
        // Parks only: the same park figures, no districts.
        let parks = try LandUseStatistics.compute(dataset: dataset, level: 3, threads: 2, units: .parks)
        XCTAssertEqual(parks.parks.map(\.statistics), one.parks.map(\.statistics))
        XCTAssertTrue(parks.districts.isEmpty)
        XCTAssertEqual(parks.park(id: "P01")?.statistics, one.park(id: "P01")?.statistics)
        let overlay = try ParcelOverlay(parcels: dataset.parcels, threads: 2)
        let again = try LandUseStatistics.parks(dataset: dataset, level: 3, overlay: overlay)
        XCTAssertEqual(again.map(\.statistics), one.parks.map(\.statistics))
        XCTAssertEqual(again.map(\.district), one.parks.map(\.district))
    }
}
