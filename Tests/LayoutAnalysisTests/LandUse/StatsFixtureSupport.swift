import Foundation
import LayoutAnalysis
import LayoutIO
import LayoutModel
import XCTest

/// Loading datasets and reference fixtures, and comparing a report with the
/// reference numbers (Tests/Reference/stats_reference.py) to 1e-6 relative.
enum StatsFixture {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static func dataset(_ relativePath: String) throws -> Dataset {
        let result = try DatasetLoader.load(folder: packageRoot.appendingPathComponent(relativePath).path)
        XCTAssertFalse(result.hasErrors, "\(relativePath): \(result.problems)")
        return result.dataset
    }

    static func expected(_ name: String) throws -> [String: Any] {
        let url = packageRoot.appendingPathComponent("Tests/Fixtures/stats/out/\(name).json")
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    /// The report in the reference script's shape (the keys it writes).
    static func tree(_ report: LandUseReport, benefit: PerMuBenefitReport?) -> [String: Any] {
        var root: [String: Any] = [
            "level": report.level,
            "parks": report.parks.map { p -> [String: Any] in
                unit(p.statistics).merging(["id": p.id, "district": p.district ?? NSNull()]) { $1 }
            },
            "districts": report.districts.map { unit($0.statistics).merging(["code": $0.code]) { $1 } },
            "total": unit(report.total),
        ]
        if let benefit {
            var rows: [[String: Any]] = benefit.evaluated.map { e in
                ["id": e.id, "evaluated": true, "land_m2": e.land, "land_source": e.landSource.rawValue, "mu": e.mu,
                 "revenue_per_mu": value(e.revenuePerMu), "tax_per_mu": value(e.taxPerMu),
                 "revenue_per_employee": value(e.revenuePerEmployee), "score": e.score, "rank": e.rank, "grade": e.grade.rawValue]
            }
            rows += benefit.notEvaluated.map { ["id": $0.id, "evaluated": false, "reason": $0.reason] }
            root["enterprises"] = rows
            var counts: [String: Any] = [:]
            for g in BenefitGrade.allCases { counts[g.rawValue] = benefit.count(of: g) }
            root["benefit"] = [
                "benchmarks": ["tax_per_mu": value(benefit.benchmarks.taxPerMu), "revenue_per_mu": value(benefit.benchmarks.revenuePerMu),
                               "revenue_per_employee": value(benefit.benchmarks.revenuePerEmployee)],
                "grade_counts": counts, "evaluated": benefit.evaluated.count, "not_evaluated": benefit.notEvaluated.count,
            ] as [String: Any]
        }
        return root
    }

    static func value(_ v: Double?) -> Any { v.map { $0 as Any } ?? NSNull() }

    static func unit(_ u: UnitStatistics) -> [String: Any] {
        var indicators: [String: Any] = [:]
        for (indicator, v) in u.indicators.all { indicators[indicator.key] = value(v) }
        return [
            "area_m2": u.area, "parcel_area_m2": u.parcelArea, "parcel_count": u.parcelCount,
            "land_use": u.landUse.map { ["code": $0.code, "area_m2": $0.area, "share": value($0.share)] as [String: Any] },
            "status": u.statuses.map { ["status": $0.status.rawValue, "area_m2": $0.area] as [String: Any] },
            "indicators": indicators,
        ]
    }

    /// Every key of `expected` must be in `actual`, numbers within `relative`
    /// (absolute 1e-9 near zero), everything else equal. Returns the differences.
    static func differences(_ actual: Any, _ expected: Any, path: String = "", relative: Double = 1e-6) -> [String] {
        switch expected {
        case let e as [String: Any]:
            guard let a = actual as? [String: Any] else { return ["\(path): not an object"] }
            return e.keys.sorted().flatMap { key -> [String] in
                guard let av = a[key] else { return ["\(path).\(key): missing"] }
                return differences(av, e[key]!, path: "\(path).\(key)", relative: relative)
            }
        case let e as [Any]:
            guard let a = actual as? [Any] else { return ["\(path): not an array"] }
            guard a.count == e.count else { return ["\(path): \(a.count) elements, expected \(e.count)"] }
            return zip(a, e).enumerated().flatMap { differences($0.element.0, $0.element.1, path: "\(path)[\($0.offset)]", relative: relative) }
        case is NSNull:
            return actual is NSNull ? [] : ["\(path): \(actual), expected null"]
        case let e as NSNumber:
            // Booleans arrive as NSNumber too: compare them as 1/0.
            let flag = (actual as? Bool).map { $0 ? 1.0 : 0.0 }
            guard let a = flag ?? (actual as? Double) ?? (actual as? Int).map(Double.init) ?? (actual as? NSNumber)?.doubleValue else {
                return ["\(path): \(actual), expected \(e)"]
            }
            let x = e.doubleValue
            return abs(a - x) <= max(relative * abs(x), 1e-9) ? [] : ["\(path): \(a), expected \(x)"]
        default:
            return "\(actual)" == "\(expected)" ? [] : ["\(path): \(actual), expected \(expected)"]
        }
    }
}
