import LayoutIO
import LayoutModel
import PROJ

/// The text report of `parkatlas import`: what each source gave, every mapping
/// problem (grouped, with counts), then the validation of the written dataset.
public struct ImportRendering {
    public var result: ImportResult
    public var check: Bool

    public init(result: ImportResult, check: Bool) {
        self.result = result
        self.check = check
    }

    public func table() -> String {
        var lines = ["import \(result.mapping)" + (check ? " (--check: nothing written)" : "")]
        for layer in result.layers {
            var notes: [String] = []
            if let crs = layer.crs { notes.append(crs) }
            if layer.datum != .wgs84 { notes.append("\(layer.datum.rawValue) → wgs84") }
            switch layer.encoding {
            case .cpg(let e): notes.append("encoding \(e) (.cpg)")
            case .given(let e): notes.append("encoding \(e)")
            case .detectedUTF8: notes.append("encoding UTF-8 (detected)")
            case .detectedGB18030: notes.append("encoding GB18030 (detected)")
            case .notApplicable: break
            }
            let name = layer.target.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
            lines.append("  \(name) \(layer.mapped) of \(layer.read) from \(layer.source) layer \(layer.layer)"
                + (notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")"))
        }
        let errors = result.problems.filter { $0.severity == .error }
        let warnings = result.problems.filter { $0.severity == .warning }
        if !errors.isEmpty {
            lines.append("errors (\(errors.count)):")
            lines += errors.map { "  " + $0.description }
        }
        if !warnings.isEmpty {
            lines.append("warnings (\(warnings.count)):")
            lines += warnings.map { "  " + $0.description }
        }
        if let validation = result.validation {
            lines.append("validation: \(Plural.count(validation.errorCount, "error")), \(Plural.count(validation.warningCount, "warning"))")
            for group in DatasetProblem.grouped(validation.problems).prefix(50) { lines.append("  " + group.listing) }
        }
        if let written = result.written {
            lines.append("wrote \(written)")
        } else if result.hasErrors {
            lines.append("nothing written")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
