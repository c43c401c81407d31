import GeoCore
import LayoutIO
import LayoutModel
import XCTest

@testable import LayoutAnalysis

/// The dataset-level hotspot analysis: projection, value selection, exclusions, FDR bins.
///
/// Reference: `python3 Tests/Reference/hotspots_esda.py dataset GeoData/mianyang 4544 1000 output_wan
/// mianyang_output_1000` (pyproj to EPSG:4544, then esda), in
/// Tests/Fixtures/hotspots/out/dataset_mianyang_output_1000.json. The synth datasets are checked
/// through the CLI (Tests/CLITests/HotspotsCommandTests.swift).
final class HotspotAnalysisTests: XCTestCase {
    static let mianyang: Dataset? = try? DatasetLoader.load(
        folder: AnalysisFixtures.repository.appendingPathComponent("GeoData/mianyang").path, options: .init()).dataset

    func testReferenceDatasetMatchesEsda() throws {
        let dataset = try XCTUnwrap(Self.mianyang)
        let frame = try MetricFrame(extent: try XCTUnwrap(dataset.boundingBox))
        XCTAssertEqual(frame.epsg, 4544)
        let a = try HotspotAnalysis(enterprises: dataset.enterprises, frame: frame, value: .outputWan, band: 1000, fdr: false, threads: 2)
        let expected = try AnalysisFixtures.object("hotspots/out/dataset_mianyang_output_1000.json")
        let ids = try XCTUnwrap(expected["ids"]?.arrayValue).compactMap(\.stringValue)
        let z = try AnalysisFixtures.doubles(expected["gi_star_z"])
        XCTAssertEqual(a.entries.map { dataset.enterprises[$0.enterprise].id }, ids)
        for k in z.indices { XCTAssertEqual(try XCTUnwrap(a.entries[k].z), z[k], accuracy: 1e-8, ids[k]) }
        let em = try XCTUnwrap(expected["moran"]?.objectValue)
        XCTAssertEqual(try XCTUnwrap(a.moran.i), try XCTUnwrap(em["i"]?.doubleValue), accuracy: 1e-10)
        XCTAssertEqual(try XCTUnwrap(a.moran.z), try XCTUnwrap(em["z"]?.doubleValue), accuracy: 1e-10)
        XCTAssertEqual(a.moran.islands, Int(try XCTUnwrap(expected["islands"]?.integerValue)))
        // The planted hot spot exists: some enterprises at 99 %.
        XCTAssertGreaterThan(a.entries.filter { $0.bin == 3 }.count, 0)
    }

    /// With --fdr the bins come from BH q-values: never more significant than the raw bins.
    func testFDRBinsUseAdjustedValues() throws {
        let dataset = try XCTUnwrap(Self.mianyang)
        let frame = try MetricFrame(extent: try XCTUnwrap(dataset.boundingBox))
        let raw = try HotspotAnalysis(enterprises: dataset.enterprises, frame: frame, value: .outputWan, band: 1000, fdr: false, threads: 2)
        let fdr = try HotspotAnalysis(enterprises: dataset.enterprises, frame: frame, value: .outputWan, band: 1000, fdr: true, threads: 2)
        let q = HotspotSignificance.benjaminiHochberg(raw.entries.map(\.p))
        for (k, (r, f)) in zip(raw.entries, fdr.entries).enumerated() {
            XCTAssertEqual(r.z, f.z)
            XCTAssertEqual(f.q, q[k])
            XCTAssertEqual(f.bin, HotspotSignificance.bin(z: f.z, significance: q[k]))
            XCTAssertLessThanOrEqual(abs(f.bin), abs(r.bin))
        }
        XCTAssertLessThan(fdr.entries.filter { $0.bin != 0 }.count, raw.entries.filter { $0.bin != 0 }.count)
    }

    /// Enterprises lacking the value leave n, the mean and every band; they are listed.
    func testEnterprisesLackingTheValueAreExcluded() throws {
        let dataset = try XCTUnwrap(Self.mianyang)
        let frame = try MetricFrame(extent: try XCTUnwrap(dataset.boundingBox))
        var enterprises = Array(dataset.enterprises.prefix(600))
        for k in stride(from: 0, to: enterprises.count, by: 5) { enterprises[k].tax = nil }
        let a = try HotspotAnalysis(enterprises: EnterpriseTable(enterprises), frame: frame, value: .taxWan, band: 1500, fdr: false, threads: 2)
        XCTAssertEqual(a.excluded.map(\.enterprise), Array(stride(from: 0, to: 600, by: 5)))
        XCTAssertEqual(a.excluded.first?.reason, "no tax_wan")
        let kept = enterprises.enumerated().filter { $0.offset % 5 != 0 }.map(\.element)
        let b = try HotspotAnalysis(enterprises: EnterpriseTable(kept), frame: frame, value: .taxWan, band: 1500, fdr: false, threads: 1)
        XCTAssertEqual(a.entries.map(\.z), b.entries.map(\.z))
        XCTAssertEqual(a.moran.i, b.moran.i)
    }

    /// An entry is 48 bytes (a province keeps ten million): 4 doubles, 2 Int32, a bin byte and a
    /// presence byte, rounded to 8 (by hand: 32 + 8 + 2 = 42 → 48). Absent z, p and q stay nil,
    /// present ones keep their exact bits, and indices round-trip.
    func testEntryIsCompactAndKeepsEveryField() {
        XCTAssertEqual(MemoryLayout<HotspotAnalysis.Entry>.stride, 48)
        let full = HotspotAnalysis.Entry(enterprise: 9_999_999, value: -2.5, z: 0.1 + 0.2, p: 1e-300, q: 0, bin: -3, neighbours: 123_456)
        XCTAssertEqual(full.enterprise, 9_999_999)
        XCTAssertEqual(full.value, -2.5)
        XCTAssertEqual(full.z?.bitPattern, (0.1 + 0.2).bitPattern)
        XCTAssertEqual(full.p, 1e-300)
        XCTAssertEqual(full.q, 0)
        XCTAssertEqual(full.bin, -3)
        XCTAssertEqual(full.neighbours, 123_456)
        let empty = HotspotAnalysis.Entry(enterprise: 0, value: 0, z: nil, p: nil, q: nil, bin: 0, neighbours: 1)
        XCTAssertNil(empty.z)
        XCTAssertNil(empty.p)
        XCTAssertNil(empty.q)
        let onlyQ = HotspotAnalysis.Entry(enterprise: 1, value: 1, z: nil, p: nil, q: 0.5, bin: 2, neighbours: 2)
        XCTAssertNil(onlyQ.z)
        XCTAssertEqual(onlyQ.q, 0.5)
        XCTAssertEqual(onlyQ.bin, 2)
    }
}
