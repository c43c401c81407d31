import ArgumentParser
import Foundation
import LayoutIO
import Reporting

/// `parkatlas import --mapping MAPPING.json --out DATASET | --check` (docs/import.md).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Build a dataset from Shapefile, GeoPackage, FileGDB, FlatGeobuf, CSV/XLSX or DXF sources through a mapping file.",
        discussion: """
            The mapping file (JSON; docs/import.md) names each layer's source and how its fields become the dataset's \
            properties, with code crosswalks (ydyh-2023, gb21010-2017, gb50137-2011, gb4754-2017, gb4754-2011, \
            gb4754-2017-name). Coordinates are reprojected to lon/lat, GCJ-02/BD-09 converted where declared, polygons \
            repaired as the loader does; the dataset is then validated as `validate` does.

            Every problem is listed at once (file, layer, feature FID or row, field, value, reason; distinct unmapped \
            values with their counts). Exit 3 when any value cannot be mapped or the result does not validate: nothing \
            is written then. Warnings (rows without coordinates, repaired geometry) exit 0.
            """)

    @Option(name: .long, help: "The mapping file (JSON).")
    var mapping: String

    @Option(name: .long, help: "The dataset to write: a folder, or a .gpkg file.")
    var out: String?

    @Flag(name: .long, help: "Read and map everything and report; write nothing.")
    var check = false

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    @OptionGroup var threads: ThreadsOption

    func validate() throws {
        try InputPaths.requireFile(mapping, what: "mapping file")
        switch (out, check) {
        case (nil, false): throw ValidationError("give --out DATASET (a folder or a .gpkg file), or --check")
        case (.some, true): throw ValidationError("--check writes nothing: give --out or --check, not both")
        default: break
        }
        if let out {
            try OutputOptions.requireParentFolder(of: out, option: "--out")
            let ext = (out as NSString).pathExtension.lowercased()
            if !ext.isEmpty && ext != "gpkg" {
                throw ValidationError("--out \(out): a dataset is a folder or a .gpkg file, not .\(ext)")
            }
        }
    }

    func run() throws {
        let parsed: ImportMapping
        do {
            parsed = try ImportMapping.read(path: mapping)
        } catch let error as ImportError {
            throw CommandFailure.badInput(error.description)
        }
        let result: ImportResult
        do {
            result = try DatasetImport.run(mapping: parsed, output: out, threads: threads.resolved)
        } catch {
            throw CommandFailure.badInput("import failed: \(error)")
        }
        let text = ImportRendering(result: result, check: check).table()
        if result.hasErrors {
            FileHandle.standardError.write(Data(text.utf8))
            throw ExitCode(ExitStatus.badInput.rawValue)
        }
        if !quiet { FileHandle.standardOutput.write(Data(text.utf8)) }
    }
}
