import Foundation
import GeoCore
import LayoutAnalysis
import LayoutIO
import LayoutModel

/// The analysis steps of `parkatlas analyze` one at a time on a dataset loaded once
/// (`FullAnalysis.hotspots`, `.agglomeration`, `.check`, `.concentration`, `.run` for all),
/// so a step's growth from the 1M city to the 10M province (issue 19: exponent ≤ 1.1)
/// can be measured without the whole job.
///
/// Prints the median wall and CPU seconds of `--runs` runs of each step named in `--steps`
/// (comma-separated; `concentration` runs agglomeration once, untimed, for its input).
struct StepsBenchmark {
    let dataset: String
    let steps: [String]
    let runs: Int
    let threads: Int

    static let known = ["hotspots", "agglomeration", "check", "concentration"]

    init(options: BenchOptions) {
        dataset = options.string("dataset") ?? "GeoData/mianyang"
        steps = (options.string("steps") ?? Self.known.joined(separator: ",")).split(separator: ",").map(String.init)
        runs = options.int("runs") ?? 1
        threads = options.int("threads") ?? 2
    }

    func run() throws {
        for step in steps where !Self.known.contains(step) {
            print("unknown step \(step); known: \(Self.known.joined(separator: ", "))")
            exit(2)
        }
        let loadStart = monotonicSeconds()
        let data = try DatasetLoader.load(folder: dataset, options: .init(threads: threads)).dataset
        print("load: \(data.parks.count) parks, \(data.parcels.count) parcels, \(data.enterprises.count) enterprises in \(fixed(monotonicSeconds() - loadStart, 2)) s")
        guard let extent = data.boundingBox else { print("the dataset has no geometry"); exit(1) }
        var agglomeration: AgglomerationAnalysis?
        for step in steps {
            if step == "concentration" && agglomeration == nil {
                agglomeration = try FullAnalysis.agglomeration(of: data, extent: extent, threads: threads)
            }
            var cpu: [Double] = []
            let wall = try medianTime(runs: runs) {
                let cpu0 = processCPUSeconds()
                switch step {
                case "hotspots": _ = try FullAnalysis.hotspots(of: data, extent: extent, threads: threads)
                case "agglomeration": agglomeration = try FullAnalysis.agglomeration(of: data, extent: extent, threads: threads)
                case "check": _ = try FullAnalysis.check(of: data, threads: threads)
                default: _ = try FullAnalysis.concentration(of: data, agglomeration: agglomeration!, threads: threads)
                }
                cpu.append(processCPUSeconds() - cpu0)
            }
            cpu.sort()
            print("\(step) : \(fixed(wall, 3)) s wall, \(fixed(cpu[cpu.count / 2], 3)) s CPU (median of \(runs), threads \(threads))")
        }
    }
}
