import LayoutModel

/// The result of `LayoutChecks.run`: every finding in rule order (the order
/// of docs/analyses.md §4), then dataset order within a rule; counts by severity;
/// a verdict per park.
public struct CheckReport: Sendable {
    public var findings: [Finding]
    /// Rules that could not run for lack of a file.
    public var skippedRules: [CheckRule]
    /// The metric frame distances are measured in, e.g. "EPSG:4544 CGCS2000 / 3-degree Gauss-Kruger CM 105E".
    public var crs: String
    /// One verdict per park, in dataset order.
    public var parks: [ParkVerdict]

    public init(dataset: Dataset, findings: [Finding], skippedRules: [CheckRule], crs: String) {
        // The rules run in table order, so this is usually already sorted: check before paying for a sort.
        let ordered = zip(findings, findings.dropFirst()).allSatisfy { $0.rule <= $1.rule }
        self.findings = ordered ? findings : findings.enumerated().sorted {
            $0.element.rule != $1.element.rule ? $0.element.rule < $1.element.rule : $0.offset < $1.offset
        }.map(\.element)
        self.skippedRules = skippedRules
        self.crs = crs
        var counts: [String: SeverityCounts] = [:]
        for f in findings {
            for park in f.parks { counts[park, default: SeverityCounts()].add(f.severity) }
        }
        parks = dataset.parks.map { park in
            ParkVerdict(id: park.id, name: park.name, district: park.district, counts: counts[park.id] ?? SeverityCounts())
        }
    }

    /// Findings of each severity.
    public var summary: SeverityCounts {
        var counts = SeverityCounts()
        for f in findings { counts.add(f.severity) }
        return counts
    }

    /// Whether some finding is at least `severity`.
    public func hasFindings(atLeast severity: Severity) -> Bool { findings.contains { $0.severity >= severity } }
}

/// Counts of findings by severity.
public struct SeverityCounts: Sendable, Hashable {
    public var error = 0, warning = 0, info = 0

    public init() {}

    mutating func add(_ s: Severity) {
        switch s {
        case .error: error += 1
        case .warning: warning += 1
        case .info: info += 1
        }
    }
}

/// A park's one-line verdict: 需整改 needs action when an error concerns it,
/// 需关注 attention when only warnings do, else 合规 compliant (info findings
/// are notes, not breaches). Three levels, because a single idle parcel (a
/// warning) should not read like a positioning breach (an error).
public struct ParkVerdict: Sendable, Hashable {
    public var id: String
    public var name: String
    /// The park's declared district, if any.
    public var district: String?
    /// Findings concerning the park (its own, its pairs, its enterprises and parcels).
    public var counts: SeverityCounts

    public var verdict: Verdict {
        if counts.error > 0 { return .needsAction }
        return counts.warning > 0 ? .attention : .compliant
    }

    public enum Verdict: String, Sendable, Hashable, CaseIterable {
        case compliant
        case attention
        case needsAction = "needs_action"

        public var nameZh: String {
            switch self {
            case .compliant: "合规"
            case .attention: "需关注"
            case .needsAction: "需整改"
            }
        }
    }
}
