import Cartography
import Foundation
import GeoCore
import LayoutAnalysis
import LayoutModel
import PROJ

/// The four maps of the report, rendered as standalone SVG documents.
public enum AnalyzeMaps {
    public struct Map: Sendable {
        public var name: String
        public var title: String
        public var svg: String
    }

    /// Map size in pixels: fits a laptop screen beside nothing else.
    public static let size = MapSize(width: 1200, height: 820)

    public static func render(_ r: FullAnalysis, data: Dataset, name: String) throws -> [Map] {
        let registry = AnalysisLayers.registry(cluster: r.cluster, hotspots: r.hotspots, check: r.check)
        var subtitle = "\(data.parks.count) 园区 parks · \(data.parcels.count) 地块 parcels · \(data.enterprises.count) 企业 enterprises"
        if let box = data.boundingBox, let crs = try? LocalMetricCRS.forExtent(box) { subtitle += " · EPSG:\(crs.epsg) \(crs.name)" }
        let plans: [(String, String, [String])] = [
            ("overview", "总览 Overview: parks, parcels, enterprises", ["districts", "parcels", "parks", "enterprises"]),
            ("clusters", "产业集群 Industry clusters (DBSCAN, noise not shown)", ["parks", "clusters"]),
            ("hotspots", "产值热点 Output hot spots (Gi*)", ["parks", "hotspots"]),
            ("findings", "检查发现 Consolidation findings", ["districts", "parks", "findings"]),
        ]
        let renderer = SVGMapRenderer()
        var maps: [Map] = []
        for (key, title, wanted) in plans {
            let names = wanted.filter { registry.names.contains($0) }
            // Dense layers (parcels, enterprises, findings of a big city) are drawn as grid cells, and say so.
            let extent = data.boundingBox ?? .empty
            // A layer thinned to grid cells needs only geometry and colours: built light first, and
            // built in full (as before) only when it stays under the limit and is drawn feature by feature.
            let canThin = extent.width > 0 || extent.height > 0
            var layers = try names.map { name -> MapLayer in
                if ["districts", "parks"].contains(name) { return try registry.build([name], from: data)[0] }
                if canThin, let thinned = thinnedLight(name, r, data, extent: extent) { return thinned }
                return DisplayThinning.thin(try registry.build([name], from: data)[0], extent: extent)
            }
            // The overview links every park to its page.
            if key == "overview", let k = layers.firstIndex(where: { $0.name == "parks" }) {
                for i in layers[k].features.indices {
                    if case .string(let id)? = layers[k].features[i].feature.properties?["id"] {
                        layers[k].features[i].style.link = AtlasPages.file(id)
                    }
                }
            }
            do {
                let svg = try renderer.render(MapDocument(title: title, subtitle: subtitle, layers: layers), size: size)
                maps.append(Map(name: key, title: title, svg: svg))
            } catch {
                throw ReportingError.map(name: key, message: error.description)
            }
        }
        return maps
    }

    /// The layer `name` thinned to grid cells, built light (geometry and colours only, fed to the
    /// cells one feature at a time: a province's ten million enterprises are never a layer in
    /// memory); nil for a layer with no light form or with at most `DisplayThinning.limit`
    /// features, which is drawn feature by feature.
    static func thinnedLight(_ name: String, _ r: FullAnalysis, _ data: Dataset, extent: BoundingBox) -> MapLayer? {
        var cells = DisplayThinning.Cells(extent: extent)
        let sink: LightFeatureSink = { cells.add(geometry: $0, style: $1) }
        let template: MapLayer?
        switch name {
        case "parcels": template = BaseLayers.parcels(data, light: sink)
        case "enterprises": template = BaseLayers.enterprises(data, light: sink)
        case "clusters": template = AnalysisLayers.clusters(r.cluster, dataset: data, light: sink)
        case "hotspots": template = r.hotspots.map { AnalysisLayers.hotspots($0, dataset: data, light: sink) }
        case "findings": template = AnalysisLayers.findings(r.check, light: sink)
        default: template = nil
        }
        guard let template, cells.added > DisplayThinning.limit else { return nil }
        return cells.layer(template)
    }
}
