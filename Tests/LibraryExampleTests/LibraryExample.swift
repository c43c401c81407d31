// The README's "Use it from Swift" example, compiled and run by LibraryExampleTests.
// This target imports the library products without @testable: it sees public API only.
// README.md quotes the lines between the two markers; a test keeps them in step.
// BEGIN README EXAMPLE
import LayoutAnalysis
import LayoutIO
import Reporting

/// Loads a dataset folder, runs every analysis of `parkatlas analyze`, and returns
/// each park's verdict, the land-use table and the self-contained HTML report.
func analyse(folder: String) throws -> (verdicts: [String: String], table: String, html: String) {
    let loaded = try DatasetLoader.load(folder: folder)
    if loaded.hasErrors {
        throw ExampleError.badData(ValidationReport(dataset: folder, result: loaded).table())
    }
    let results = try FullAnalysis.run(dataset: loaded.dataset, threads: 2)
    var verdicts: [String: String] = [:]
    for park in results.check.parks { verdicts[park.id] = park.verdict.rawValue }
    let table = StatsRendering(dataset: folder, report: results.stats, benefit: results.benefit).table()
    let output = AnalysisOutput(name: folder, loaded: loaded, results: results, yearOnYear: nil)
    return (verdicts, table, output.reportHTML(maps: try output.maps()))
}

enum ExampleError: Error {
    case badData(String)
}
// END README EXAMPLE
