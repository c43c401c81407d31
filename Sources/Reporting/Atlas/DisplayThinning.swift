import Cartography
import Foundation
import GeoCore

/// Keeps dense layers light enough to display: a layer with more features than
/// `limit` is drawn as grid cells instead of features (issue 17: a city of
/// 1,000,000 enterprises must give a report of tens of MB, not gigabytes).
///
/// Each feature goes to the cell of its bounding-box centre; the features of one
/// cell that share a colour become one dot at their mean position, its area
/// proportional to their number, titled with that number. The layer's title and
/// legend say so, with the cell size in metres. Layers at or under `limit` are
/// returned unchanged.
public enum DisplayThinning {
    /// Features per layer drawn one by one.
    public static let limit = 4000
    /// Cells across the map's width.
    public static let cellsAcross = 160.0

    public static func thin(_ layer: MapLayer, extent: BoundingBox, limit: Int = DisplayThinning.limit) -> MapLayer {
        guard layer.features.count > limit, extent.width > 0 || extent.height > 0 else { return layer }
        let cell = max(extent.width, extent.height) / cellsAcross
        struct Group { var x = 0.0, y = 0.0, n = 0, colour: String }
        var groups: [String: Group] = [:]
        var order: [String] = []
        for f in layer.features {
            guard let box = f.feature.geometry?.boundingBox else { continue }
            let c = box.center
            let colour = f.style.markerColor ?? f.style.fill ?? f.style.stroke ?? "#555555"
            let key = "\(Int(((c.x - extent.minX) / cell).rounded(.down))),\(Int(((c.y - extent.minY) / cell).rounded(.down))),\(colour)"
            if groups[key] == nil {
                groups[key] = Group(colour: colour)
                order.append(key)
            }
            groups[key]!.x += c.x
            groups[key]!.y += c.y
            groups[key]!.n += 1
        }
        let metres = cell * 111_320 * cos(extent.center.y * .pi / 180)
        let cellText = metres >= 1000 ? "\(Int((metres / 1000).rounded())) km" : "\(Int(metres.rounded())) m"
        let features = order.map { key -> StyledFeature in
            let g = groups[key]!
            let p = Position(x: g.x / Double(g.n), y: g.y / Double(g.n))
            let style = FeatureStyle(markerColor: g.colour, markerRadius: min(9, 1.5 + sqrt(Double(g.n)) * 0.6),
                                     title: "\(g.n) × \(layer.title)")
            return StyledFeature(feature: Feature(geometry: .point(p), properties: ["count": .integer(Int64(g.n))]), style: style)
        }
        var legend = layer.legend
        let note = "聚合为约\(cellText)网格, 点大小=数量 aggregated to ~\(cellText) cells, dot size = count (\(layer.features.count) features)"
        legend.append(LegendEntry(label: note, style: FeatureStyle(markerColor: "#555555", markerRadius: 3)))
        return MapLayer(name: layer.name, title: "\(layer.title) · 聚合 aggregated", kind: .point, features: features, legend: legend)
    }
}
