import ArgumentParser
import Foundation
import GeoCore
import LayoutIO
import LayoutModel
import Reporting
import Synthesis

/// `parkatlas synth --out DIR`: a synthetic dataset of any size, or the Mianyang reference dataset.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Generate a synthetic dataset (deterministic for a seed).",
        discussion: """
            Without --preset: a synthetic city of the requested size around --center.

            --preset mianyang: the Mianyang reference dataset (GeoData/mianyang) on the real county boundaries \
            of --counties, repaired with GEOS make-valid first.

            --preset mianyang-2023: the same city a year earlier (GeoData/mianyang-2023), back-cast from the \
            mianyang preset of the same --seed (MianyangEarlierSnapshot), for compare/evaluate.

            Both presets run from the repository root, where the default --counties file is \
            (GeoData/reference/README.md tells its source).

            --parks counts top-level parks; sub-parks (园中园) come on top of them: every national park \
            and about 30 % of the others get one, about 37 % of the parks in all, so --parks 60 writes \
            60 parks plus about 22 sub-parks (16 to 31 over seeds 1 to 8). The summary line prints the \
            exact numbers.

            --out must be a new or empty folder: synth refuses a folder that holds anything (exit 2) \
            unless --force, which replaces the dataset files synth writes, removes those it owns but \
            does not write this time (districts, parks, parcels, enterprises .geojson, policy.json: an \
            old policy.json never stays behind) and keeps every other file. The dataset is written \
            into a temporary folder beside --out and moved in when complete, so a failed run leaves \
            --out as it was.
            """)

    @Option(name: .long, help: "Output dataset folder.") var out: String
    @Option(name: .long, help: "Number of top-level parks; sub-parks come on top (about 37 % more, see below).") var parks: Int = 12
    @Option(name: .long, help: "Number of parcels.") var parcels: Int = 3000
    @Option(name: .long, help: "Number of enterprises.") var enterprises: Int = 3000
    @Option(name: .long, help: "Random seed.") var seed: UInt64 = 1
    @Option(name: .long, help: "Centre of the synthetic city as lon,lat (write --center=-46.6,-23.5 for negative values).") var center: String = "104.7,31.45"
    @Option(name: .long, help: "Share of enterprises outside every park (0–1).") var outsideShare: Double = 0.2
    @Option(name: .long, help: "Preset dataset: mianyang or mianyang-2023.") var preset: String?
    /// The raw web-map county boundaries kept in the repository, relative to its root like the
    /// DATASET default (provenance in GeoData/reference/README.md).
    @Option(name: .long, help: "County boundaries for --preset mianyang and mianyang-2023.")
    var counties: String = "GeoData/reference/mianyang_counties.raw.geojson"
    @Flag(name: .long, help: "Replace the dataset files of a non-empty --out folder (other files are kept).") var force = false
    @Flag(name: .long, help: "Print nothing but errors.") var quiet = false

    func validate() throws {
        if let preset, preset != "mianyang", preset != "mianyang-2023" {
            throw ValidationError("unknown preset '\(preset)': the presets are mianyang and mianyang-2023")
        }
        if parks < 1 || parcels < 0 || enterprises < 0 { throw ValidationError("--parks ≥ 1, --parcels and --enterprises ≥ 0") }
        if !(0...1).contains(outsideShare) { throw ValidationError("--outside-share must be within 0…1") }
        _ = try parsedCenter()
    }

    func parsedCenter() throws -> (lon: Double, lat: Double) {
        let parts = center.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let lon = parts[0], let lat = parts[1], abs(lon) <= 180, abs(lat) <= 90 else {
            throw ValidationError("--center must be lon,lat in degrees, e.g. 104.7,31.45")
        }
        return (lon, lat)
    }

    func run() throws {
        let started = Date()
        let output: StagedDatasetFolder
        do {
            output = try StagedDatasetFolder.begin(out, replace: force)
        } catch let error as StagedDatasetFolder.Failure {
            throw error.isCommandLine ? CommandFailure.badCommandLine(error.description) : CommandFailure.badInput(error.description)
        }
        let summary: String
        do {
            if preset == "mianyang" || preset == "mianyang-2023" {
                summary = try writeMianyang(in: output.staging)
            } else {
                summary = try writeSyntheticCity(in: output.staging)
            }
            try output.commit()
        } catch {
            output.discard()
            switch error {
            case let error as CommandFailure: throw error
            case let error as StagedDatasetFolder.Failure: throw CommandFailure.badInput(error.description)
            case let error as InputError: throw CommandFailure.badInput(error.description)
            default: throw CommandFailure.badInput("synth: \(error)")
            }
        }
        if !quiet {
            print(summary)
            print("wrote \(out) in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
        }
    }

    private func writeSyntheticCity(in out: String) throws -> String {
        let (lon, lat) = try parsedCenter()
        let city = try SyntheticCity(parameters: SyntheticCityParameters(
            parks: parks, parcels: parcels, enterprises: enterprises, seed: seed,
            centreLongitude: lon, centreLatitude: lat, outsideShare: outsideShare))
        try DatasetWriter.write(city.districtFeatures, file: DatasetFile.districts, in: out)
        try DatasetWriter.write(city.parkFeatures, file: DatasetFile.parks, in: out)
        try DatasetWriter.stream(file: DatasetFile.parcels, in: out) { emit in try city.forEachParcel(emit) }
        try DatasetWriter.stream(file: DatasetFile.enterprises, in: out) { emit in try city.forEachEnterprise(emit) }
        let subParks = city.parks.count(where: { $0.parent != nil })
        return "synth: \(parks) parks + \(subParks) sub-parks, \(parcels) parcels, \(enterprises) enterprises"
    }

    private func writeMianyang(in out: String) throws -> String {
        var input = try LonLatInput.read(path: counties).collection
        // The web-map boundaries are invalid in places: repair them as the loader would.
        for (i, feature) in input.features.enumerated() {
            guard let g = feature.geometry else { continue }
            let outcome = GeometryRepair.repairPolygonal(g, file: counties, index: i, id: feature[property: "adcode"]?.stringValue)
            guard let repaired = outcome.geometry else {
                throw CommandFailure.badInput(outcome.problems.map(\.description).joined(separator: "\n"))
            }
            input.features[i].geometry = repaired
        }
        var dataset = try MianyangGenerator(counties: input.features, seed: seed).generate()
        if preset == "mianyang-2023" { dataset = MianyangEarlierSnapshot(seed: seed).derive(from: dataset).dataset }
        try DatasetWriter.write(dataset.districts, file: DatasetFile.districts, in: out)
        try DatasetWriter.write(dataset.parks, file: DatasetFile.parks, in: out)
        try DatasetWriter.write(dataset.parcels, file: DatasetFile.parcels, in: out)
        try DatasetWriter.write(dataset.enterprises, file: DatasetFile.enterprises, in: out)
        if let policy = dataset.policy { try DatasetWriter.writePolicy(policy, in: out) }
        return "Mianyang: \(dataset.districts.count) districts, \(dataset.parks.count) parks, "
            + "\(dataset.parcels.count) parcels, \(dataset.enterprises.count) enterprises"
    }
}
