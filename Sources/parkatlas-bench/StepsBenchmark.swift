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
/// For hotspots it also prints a fingerprint of the result (FNV-1a over the bits of every
/// entry's z, p and Wᵢ and of Moran's I, its z, S1 and S2), so a faster summation can be shown to
/// give the same bits at the province too, where `analyze`'s outputs are too big to keep.
struct StepsBenchmark {
    let dataset: String
    let steps: [String]
    let runs: Int
    let threads: Int
    /// Gi*'s band in metres for the hotspots step (`--band`); analyze's 1 km when absent.
    let band: Double?

    static let known = ["hotspots", "agglomeration", "check", "concentration"]

    init(options: BenchOptions) {
        dataset = options.string("dataset") ?? "GeoData/mianyang"
        steps = (options.string("steps") ?? Self.known.joined(separator: ",")).split(separator: ",").map(String.init)
        runs = options.int("runs") ?? 1
        threads = options.int("threads") ?? 2
        band = options.string("band").map { text in
            guard let metres = Double(text), metres > 0, metres.isFinite else {
                print("--band must be a positive number of metres, not \(text)")
                exit(2)
            }
            return metres
        }
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
            var fingerprint: String?
            let wall = try medianTime(runs: runs) {
                let cpu0 = processCPUSeconds()
                switch step {
                case "hotspots":
                    fingerprint = Self.fingerprint(try FullAnalysis.hotspots(
                        of: data, extent: extent, band: band ?? FullAnalysis.hotspotBand, threads: threads))
                case "agglomeration": agglomeration = try FullAnalysis.agglomeration(of: data, extent: extent, threads: threads)
                case "check": _ = try FullAnalysis.check(of: data, threads: threads)
                default: _ = try FullAnalysis.concentration(of: data, agglomeration: agglomeration!, threads: threads)
                }
                cpu.append(processCPUSeconds() - cpu0)
            }
            cpu.sort()
            print("\(step) : \(fixed(wall, 3)) s wall, \(fixed(cpu[cpu.count / 2], 3)) s CPU (median of \(runs), threads \(threads))"
                  + (fingerprint.map { ", fingerprint \($0)" } ?? ""))
        }
    }

    static func fingerprint(_ h: HotspotAnalysis) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ v: UInt64) {
            for shift in stride(from: 0, to: 64, by: 8) {
                hash = (hash ^ ((v >> UInt64(shift)) & 0xff)) &* 0x0000_0100_0000_01b3
            }
        }
        for e in h.entries {
            mix(UInt64(e.enterprise))
            mix(e.z?.bitPattern ?? 1)
            mix(e.p?.bitPattern ?? 1)
            mix(UInt64(e.neighbours))
        }
        for v in [h.moran.i, h.moran.z, h.moran.s1, h.moran.s2] { mix(v?.bitPattern ?? 1) }
        return String(hash, radix: 16)
    }
}
