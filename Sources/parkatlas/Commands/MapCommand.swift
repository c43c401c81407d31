import ArgumentParser
import Cartography
import Foundation
import GeoJSON
import LayoutIO
import PROJ

/// `parkatlas map [DATASET] --out FILE.svg|FILE.html [--layers …] [--title …]`: a rendered map.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Render a map (SVG, or HTML with pan and zoom) with legend, scale bar and north arrow.",
        discussion: """
            The map is drawn in the dataset's local metric CRS (CGCS2000 3° Gauss-Krüger in China, UTM \
            elsewhere). FILE.html embeds the SVG with pan/zoom and needs no network. Fonts: Noto Sans CJK SC, \
            Source Han Sans SC, Microsoft YaHei or PingFang SC when installed. The file is written atomically.
            """)

    @OptionGroup var dataset: DatasetArgument

    @Option(name: .long, help: "Output file: .svg or .html.")
    var out: String

    @Option(name: .long, help: ArgumentHelp("Comma-separated layers.", valueName: MapLayerCatalog.help))
    var layers: String?

    @Option(name: .long, help: "Map title (default: the dataset folder's name).")
    var title: String?

    @Option(name: .long, parsing: .unconditional, help: "Page width in pixels.") var width: Double = 1400
    @Option(name: .long, parsing: .unconditional, help: "Page height in pixels.") var height: Double = 1000

    @Flag(name: .long, help: "Print nothing but errors.") var quiet = false

    private var isHTML: Bool { out.lowercased().hasSuffix(".html") || out.lowercased().hasSuffix(".htm") }

    func validate() throws {
        let lower = out.lowercased()
        guard lower.hasSuffix(".svg") || lower.hasSuffix(".html") || lower.hasSuffix(".htm") else {
            throw ValidationError("--out must end in .svg or .html")
        }
        try OutputOptions.requireParentFolder(of: out, option: "--out")
        guard (400...20000).contains(width), (300...20000).contains(height) else {
            throw ValidationError("--width must be 400…20000 and --height 300…20000 pixels")
        }
        _ = try MapLayerCatalog.names(layers)
    }

    func run() throws {
        let names = try MapLayerCatalog.names(layers)
        let loaded = try dataset.load(quiet: quiet)
        let data = loaded.dataset
        let built = try MapLayerCatalog.registry.build(names, from: data)
        let folderName = URL(fileURLWithPath: data.folder).standardizedFileURL.lastPathComponent
        let mapTitle = title ?? "\(folderName) 园区空间布局 Park layout"
        var subtitle = "\(data.parks.count) 园区 parks · \(data.parcels.count) 地块 parcels · \(data.enterprises.count) 企业 enterprises"
        if let box = data.boundingBox, let crs = try? LocalMetricCRS.forExtent(box) {
            subtitle += " · EPSG:\(crs.epsg) \(crs.name)"
        }
        let document = MapDocument(title: mapTitle, subtitle: subtitle, layers: built)
        let size = MapSize(width: width, height: height)
        let text: String
        do {
            // The HTML page zooms in, so it keeps one more decimal of pixel coordinates.
            let renderer = SVGMapRenderer(options: .init(coordinateDecimals: isHTML ? 2 : 1))
            let svg = try renderer.render(document, size: size)
            text = isHTML ? HTMLMapPage.wrap(svg: svg, title: mapTitle) : svg
        } catch {
            throw CommandFailure.badInput(error.description)
        }
        do {
            try AtomicFileWriter.write(to: out) { sink in try sink.write(text: text) }
        } catch {
            throw CommandFailure.badInput("cannot write \(out): \(error)")
        }
        if !quiet {
            print("\(out): \(built.map(\.name).joined(separator: ", ")), \(text.utf8.count) bytes")
        }
    }
}
