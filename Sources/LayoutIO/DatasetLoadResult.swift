import GeoCore
import LayoutModel

/// The outcome of loading: the usable dataset, every problem found, and the
/// files as read with repaired geometry (for `validate --fix`).
public struct DatasetLoadResult: Sendable {
    public var dataset: Dataset
    /// Every problem, in file order then feature order.
    public var problems: [DatasetProblem]
    /// Per file name: the features as read, geometry repaired, every property kept.
    public var repairedFiles: [(file: String, collection: FeatureCollection)]

    public var errorCount: Int { problems.count(where: { $0.severity == .error }) }
    public var warningCount: Int { problems.count(where: { $0.severity == .warning }) }
    public var hasErrors: Bool { errorCount > 0 }
}
