import Cartography
import Foundation
import GeoCore

/// Keeps dense layers light enough to display: a layer with more features than
/// `limit` is drawn as grid cells instead of features (issue 17: a city of
/// 1,000,000 enterprises must give a report of tens of MB, not gigabytes).
///
/// Each feature goes to the cell of its bounding-box centre; the features of one
/// cell become one dot at their mean position, in their most frequent colour,
/// its area proportional to their number, titled with that number (shown on hover; a cell
/// has no other properties). The layer's title and
/// legend say so, with the cell size in metres. Layers at or under `limit` are
/// returned unchanged.
public enum DisplayThinning {
    /// Features per layer drawn one by one.
    public static let limit = 4000
    /// Cells across the map's longer side.
    public static let cellsAcross = 120.0

    public static func thin(_ layer: MapLayer, extent: BoundingBox, limit: Int = DisplayThinning.limit,
                            cellsAcross: Double = DisplayThinning.cellsAcross) -> MapLayer {
        guard layer.features.count > limit, extent.width > 0 || extent.height > 0 else { return layer }
        var cells = Cells(extent: extent, cellsAcross: cellsAcross)
        for f in layer.features { cells.add(f) }
        return cells.layer(layer)
    }

    /// The grid cells of a layer fed one feature at a time, so that a layer of millions of
    /// features (the maps of a province) is thinned without ever being held as a `MapLayer`:
    /// `thin` is `add` of every feature, then `layer`, and gives the same layer.
    public struct Cells {
        struct Group { var x = 0.0, y = 0.0, n = 0, colours: [String: Int] = [:] }
        struct Cell: Hashable { var i: Int, j: Int }
        let extent: BoundingBox
        let cell: Double
        var groups: [Cell: Group] = [:]
        var order: [Cell] = []
        /// Features added, those without a geometry included (the legend's count).
        public private(set) var added = 0

        /// `extent` must have a positive width or height.
        public init(extent: BoundingBox, cellsAcross: Double = DisplayThinning.cellsAcross) {
            self.extent = extent
            cell = max(extent.width, extent.height) / cellsAcross
        }

        /// Adds a feature: the cell of its bounding-box centre, in its marker, fill or stroke colour.
        public mutating func add(_ f: StyledFeature) {
            add(geometry: f.feature.geometry, style: f.style)
        }

        public mutating func add(geometry: Geometry?, style: FeatureStyle) {
            added += 1
            guard let box = geometry?.boundingBox else { return }
            let c = box.center
            let colour = style.markerColor ?? style.fill ?? style.stroke ?? "#555555"
            let key = Cell(i: Int(((c.x - extent.minX) / cell).rounded(.down)), j: Int(((c.y - extent.minY) / cell).rounded(.down)))
            if groups[key] == nil {
                groups[key] = Group()
                order.append(key)
            }
            groups[key]!.x += c.x
            groups[key]!.y += c.y
            groups[key]!.n += 1
            groups[key]!.colours[colour, default: 0] += 1
        }

        /// The thinned layer: `template`'s name, title and legend (its features are not read), a dot per cell.
        public func layer(_ template: MapLayer) -> MapLayer {
            let metres = cell * 111_320 * cos(extent.center.y * .pi / 180)
            let cellText = metres >= 1000 ? "\(Int((metres / 1000).rounded())) km" : "\(Int(metres.rounded())) m"
            let features = order.map { key -> StyledFeature in
                let g = groups[key]!
                let p = Position(x: g.x / Double(g.n), y: g.y / Double(g.n))
                let colour = g.colours.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
                // The count is the cell's title; no further properties, so dense maps stay light.
                let style = FeatureStyle(markerColor: colour, markerRadius: min(9, 1.5 + sqrt(Double(g.n)) * 0.6), title: "\(g.n)")
                return StyledFeature(feature: Feature(geometry: .point(p), properties: nil), style: style)
            }
            var legend = template.legend
            let note = "聚合为约\(cellText)网格, 点大小=数量 aggregated to ~\(cellText) cells, dot size = count, colour = the most frequent (\(added) features)"
            legend.append(LegendEntry(label: note, style: FeatureStyle(markerColor: "#555555", markerRadius: 3)))
            return MapLayer(name: template.name, title: "\(template.title) · 聚合 aggregated", kind: .point, features: features, legend: legend)
        }
    }
}
