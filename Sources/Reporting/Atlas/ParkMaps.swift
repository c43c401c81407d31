import Cartography
import Foundation
import GeoCore
import LayoutAnalysis
import LayoutModel

/// The maps of a park page: the park-scale map and the locator inset.
public enum ParkMaps {
    public static let size = MapSize(width: 1100, height: 760)
    public static let insetSize = MapSize(width: 300, height: 240)
    /// A park map draws a layer of more features than this as cells, `parkCells` across
    /// (a park of a city of 1,000,000 enterprises holds some 12,000: its page stays near 0.5 MB).
    public static let parkLimit = 1500
    public static let parkCells = 50.0
    /// Stroke colours marking parcel status on the park map.
    public static let statusMarks: [(status: ParcelStatus, colour: String, dash: [Double]?)] = [
        (.idle, "#D7191C", nil), (.ready, "#1A9641", [5, 3]), (.unready, "#7B3294", [1.5, 2.5]),
    ]

    /// Thinning of the printed map (print atlas): a page at 186 mm needs fewer features (every
    /// Mianyang park, at most 804 parcels in view, keeps its parcel outlines).
    public static let printLimit = 900
    public static let printCells = 30.0

    /// The park-scale map: the boundary and sub-parks; parcels by land use with idle,
    /// ready and unready land outlined distinctly; the park's enterprises by industry,
    /// sized by output; the findings, labelled with their numbers on the page.
    /// With `print`, the map of the print atlas: no titles or properties (no pointer on paper),
    /// whole-pixel coordinates, layers over `printLimit` features thinned to `printCells` across.
    public static func parkMap(park p: Int, profile: ParkProfile, findings: [(number: Int, finding: Finding)], data: Dataset,
                               print: Bool = false) throws -> String {
        try parkMap(park: p, profile: profile, findings: findings, data: data, print: print, parcelIndex: nil)
    }

    /// `parcelIndex` (the atlas's, built once over the parcels' boxes) finds the parcels in view
    /// without a pass over all of them: the same parcels in the same order.
    static func parkMap(park p: Int, profile: ParkProfile, findings: [(number: Int, finding: Finding)], data: Dataset,
                        print: Bool, parcelIndex: BoxGridIndex?) throws -> String {
        let parkLimit = print ? Self.printLimit : Self.parkLimit, parkCells = print ? Self.printCells : Self.parkCells
        let park = data.parks[p]
        guard let parkBox = park.geometry.boundingBox else { throw ReportingError.map(name: park.id, message: "the park has no geometry") }
        let view = Self.view(of: park) ?? parkBox
        // Parcels touching the park's box (a superset of those the park holds).
        let parcels = parcelIndex.map { $0.intersecting(view).map { data.parcels[$0] } }
            ?? data.parcels.filter { $0.geometry.boundingBox.map { $0.intersects(view) } ?? false }
        // A layer over the limit is only thinned to cells: fed to them light (geometry and colour,
        // no properties or titles), as `thin` would read it, and never built in full.
        let thins = (view.width > 0 || view.height > 0)
        let thinParcels = thins && parcels.count > parkLimit
        var parcelCells = DisplayThinning.Cells(extent: view, cellsAcross: parkCells)
        var parcelFeatures: [StyledFeature] = []
        var status: [StyledFeature] = []
        for x in parcels {
            if thinParcels {
                parcelCells.add(geometry: x.geometry, style: MapStyle.parcel(landUse: x.landUse))
            } else {
                var style = MapStyle.parcel(landUse: x.landUse)
                let name = LandUseTable.nearestKnown(x.landUse)?.nameZh ?? x.landUse
                // Code, status and the rest are in the properties shown beside the title.
                style.title = "地块 \(x.id) · \(name) · \(x.status.nameZh)"
                // Hover or tap shows the parcel's properties (the input's, as exported).
                parcelFeatures.append(StyledFeature(feature: Feature(geometry: x.geometry, properties: x.exportProperties), style: style))
            }
            if let mark = statusMarks.first(where: { $0.status == x.status }) {
                // An outline over the parcel, which carries the title and properties.
                status.append(StyledFeature(feature: Feature(geometry: x.geometry, properties: nil), style: FeatureStyle(
                    fill: nil, fillOpacity: 0, stroke: mark.colour, strokeWidth: 1.8, strokeDash: mark.dash)))
            }
        }
        let codes = Set(parcels.map { LandUsePalette.legendCode(for: $0.landUse) }).sorted()
        var layers = [MapLayer(name: "parcels", title: "地块用地 Parcels by land use", kind: .polygon, features: parcelFeatures, legend: codes.map { code in
            LegendEntry(label: LandUseTable.lookup(code).map { "\($0.nameZh) \(code)" } ?? code, style: MapStyle.parcel(landUse: code))
        })]
        let present = statusMarks.filter { m in parcels.contains { $0.status == m.status } }
        if !status.isEmpty {
            layers.append(MapLayer(name: "parcel-status", title: "土地状态 Land status", kind: .line, features: status, legend: present.map { m in
                LegendEntry(label: "\(m.status.nameZh) \(m.status.rawValue)", style: FeatureStyle(stroke: m.colour, strokeWidth: 2, strokeDash: m.dash))
            }))
        }
        // The park, its sub-parks and (for a sub-park) its parent.
        let below = Set(ParkProfile.descendants(of: p, in: data.parks))
        let shown = data.parks.indices.filter { q in q == p || below.contains(q) || data.parks[q].id == park.parent }
        layers.append(MapLayer(name: "parks", title: "园区 Parks", kind: .line, features: shown.map { q in
            let x = data.parks[q]
            var style = MapStyle.park(x.level, isSubPark: q != p)
            style.fill = nil
            style.title = "\(x.name) · \(x.level.nameZh)园区 · \(x.id)"
            return StyledFeature(feature: Feature(geometry: x.geometry, properties: x.exportProperties), style: style, label: x.name, labelScale: q == p ? 1 : 0.85)
        }, legend: [LegendEntry(label: "园区边界 boundary", style: MapStyle.park(park.level, isSubPark: false))]
            + (shown.count > 1 ? [LegendEntry(label: "园中园 / 上级园区 sub-park / parent", style: MapStyle.park(park.level, isSubPark: true))] : [])))
        // Enterprises by industry, area proportional to output.
        let members = profile.members.filter { data.enterprises.location(at: $0) != nil }
        if !members.isEmpty {
            let palette = IndustryPalette(codes: members.map { data.enterprises.industry(at: $0) })
            let maxOutput = members.map { data.enterprises.output(at: $0) ?? 0 }.max() ?? 0
            let byOutput = members.sorted { (data.enterprises.output(at: $0) ?? 0) > (data.enterprises.output(at: $1) ?? 0) }
            let thinEnterprises = thins && byOutput.count > parkLimit
            var enterpriseCells = DisplayThinning.Cells(extent: view, cellsAcross: parkCells)
            if thinEnterprises {
                for e in byOutput {
                    enterpriseCells.add(geometry: data.enterprises.geometry(at: e),
                                        style: MapStyle.enterprise(color: palette.color(for: data.enterprises.industry(at: e))))
                }
            }
            let features = thinEnterprises ? [] : byOutput.map { e -> StyledFeature in
                let x = data.enterprises[e]
                let r = maxOutput > 0 ? 1.8 + 7 * sqrt((x.output ?? 0) / maxOutput) : 2.5
                var style = MapStyle.enterprise(color: palette.color(for: x.industry))
                style.markerRadius = r
                let name = IndustryTable.nearestKnown(x.industry)?.nameZh ?? ""
                // Code, output and the rest are in the properties shown beside the title.
                style.title = "\(x.name) · \(name)"
                return StyledFeature(feature: Feature(geometry: x.geometry, properties: x.exportProperties), style: style)
            }
            var legend = palette.categories.map { key in
                LegendEntry(label: "\(IndustryPalette.name(ofCategory: key)) \(key)", style: MapStyle.enterprise(color: palette.color(forCategory: key)))
            }
            if palette.hasOther(members.map { data.enterprises.industry(at: $0) }) {
                legend.append(LegendEntry(label: "其他 other", style: MapStyle.enterprise(color: IndustryPalette.otherColor)))
            }
            legend.append(LegendEntry(label: "点面积∝产值 dot area ∝ output", style: FeatureStyle(markerColor: "#999999", markerRadius: 5)))
            let layer = MapLayer(name: "enterprises", title: "企业 Enterprises by industry", kind: .point, features: features, legend: legend)
            layers.append(thinEnterprises ? enterpriseCells.layer(layer) : DisplayThinning.thin(layer, extent: view, limit: parkLimit, cellsAcross: parkCells))
        }
        // Findings that have a place, numbered as in the list on the page.
        let placed = findings.filter { ParkMaps.isOnMap($0.finding, view: view) }
        if !placed.isEmpty {
            let severities = Severity.allCases.reversed().filter { s in placed.contains { $0.finding.severity == s } }
            let features = placed.map { item -> StyledFeature in
                let f = item.finding, colour = CheckRendering.colour(f.severity)
                // A finding about the whole park would cover it: its outline only.
                let whole = f.geometry == park.geometry
                let style = FeatureStyle(fill: whole ? nil : colour, fillOpacity: 0.25, stroke: colour, strokeWidth: 2.2, strokeDash: whole ? [8, 4] : nil,
                                         markerColor: colour, markerRadius: 4.5, title: "\(item.number). \(f.rule.titleZh) · \(f.messageZh)")
                let properties: JSONObject = ["rule": .string(f.rule.rawValue), "severity": .string(f.severity.rawValue)]
                return StyledFeature(feature: Feature(geometry: f.geometry, properties: properties), style: style, label: "\(item.number)", labelScale: 0.8)
            }
            let layer = MapLayer(name: "findings", title: "检查发现 Findings (编号见下 numbered below)", kind: .polygon, features: features,
                                 legend: severities.map { s in
                                     let c = CheckRendering.colour(s)
                                     return LegendEntry(label: "\(s.nameZh) \(s.rawValue)", style: FeatureStyle(fill: c, fillOpacity: 0.25, stroke: c, strokeWidth: 2))
                                 })
            layers.append(DisplayThinning.thin(layer, extent: view, limit: parkLimit, cellsAcross: parkCells))
        }
        layers[0] = thinParcels ? parcelCells.layer(layers[0]) : DisplayThinning.thin(layers[0], extent: view, limit: parkLimit, cellsAcross: parkCells)
        if layers.count > 1, layers[1].name == "parcel-status" { layers[1] = DisplayThinning.thin(layers[1], extent: view, limit: parkLimit, cellsAcross: parkCells) }
        let subtitle = "\(park.level.nameZh)园区 · \(park.id) · \(parcels.count) 地块 parcels in view · \(profile.members.count) 企业 enterprises"
        let renderer = print ? SVGMapRenderer(options: .init(coordinateDecimals: 0, featureProperties: false, featureTitles: false)) : SVGMapRenderer()
        do {
            return try renderer.render(MapDocument(title: park.name, subtitle: subtitle, layers: layers), size: size)
        } catch {
            throw ReportingError.map(name: park.id, message: error.description)
        }
    }

    /// The park map's view: its box with a 4 % margin.
    public static func view(of park: Park) -> BoundingBox? {
        park.geometry.boundingBox.map { $0.expanded(by: max($0.width, $0.height) * 0.04) }
    }

    /// Whether a finding is drawn on the park map: it has a geometry centred in the view
    /// (a pair finding whose place is mostly elsewhere would widen the map to the city).
    public static func isOnMap(_ f: Finding, view: BoundingBox) -> Bool {
        guard let box = f.geometry?.boundingBox else { return false }
        return view.contains(x: box.center.x, y: box.center.y) && box.width <= view.width * 1.5 && box.height <= view.height * 1.5
    }

    /// Where the park lies in the city: districts and every park, this one in red.
    public static func locator(park p: Int, data: Dataset) throws -> String {
        let layers = [locatorDistricts(data), locatorParks(data, except: p), locatorHighlight(data.parks[p])]
        do {
            return try SVGMapRenderer(options: .init(inset: true)).render(MapDocument(title: locatorTitle(data.parks[p]), layers: layers), size: insetSize)
        } catch {
            throw ReportingError.map(name: "\(data.parks[p].id)-locator", message: error.description)
        }
    }

    /// Every park page's locator, drawn over one base made once (`SVGInsetSeries`): the text of
    /// `locator(park:data:)`, without drawing every district and park again on each page
    /// (823 pages × 756 shapes at a province).
    public struct Locators {
        let series: SVGInsetSeries
        /// Per park, its feature in the base's parks layer (top-level parks only).
        let featureOfPark: [Int?]

        public init(data: Dataset) throws {
            var featureOfPark = [Int?](repeating: nil, count: data.parks.count)
            var k = 0
            for (q, park) in data.parks.enumerated() where park.parent == nil {
                featureOfPark[q] = k
                k += 1
            }
            self.featureOfPark = featureOfPark
            do {
                series = try SVGInsetSeries(base: [locatorDistricts(data), locatorParks(data, except: nil)], options: .init(inset: true), size: insetSize)
            } catch {
                throw ReportingError.map(name: "locator", message: error.description)
            }
        }

        public func locator(park p: Int, data: Dataset) throws -> String {
            let park = data.parks[p]
            do {
                return try series.render(title: locatorTitle(park), omitting: featureOfPark[p].map { (layer: 1, feature: $0) },
                                         highlight: locatorHighlight(park))
            } catch {
                throw ReportingError.map(name: "\(park.id)-locator", message: error.description)
            }
        }
    }

    static func locatorTitle(_ park: Park) -> String { "\(park.name) 位置 location" }

    static func locatorDistricts(_ data: Dataset) -> MapLayer {
        let districts = data.districts.filter { $0.kind == .administrative }.map { d in
            StyledFeature(feature: Feature(geometry: d.geometry, properties: [:]),
                          style: FeatureStyle(fill: "#F2F2EE", fillOpacity: 1, stroke: "#9A9A9A", strokeWidth: 0.8, title: d.name))
        }
        return MapLayer(name: "districts", title: "区县 Districts", kind: .polygon, features: districts, legend: [])
    }

    /// The top-level parks in grey, but park `p`.
    static func locatorParks(_ data: Dataset, except p: Int?) -> MapLayer {
        let parks = data.parks.enumerated().filter { $0.offset != p && $0.element.parent == nil }.map { _, x in
            StyledFeature(feature: Feature(geometry: x.geometry, properties: [:]),
                          style: FeatureStyle(fill: "#B0B0B0", fillOpacity: 0.8, stroke: "#888888", strokeWidth: 0.5, title: x.name))
        }
        return MapLayer(name: "parks", title: "园区 Parks", kind: .polygon, features: parks, legend: [])
    }

    static func locatorHighlight(_ park: Park) -> MapLayer {
        let this = StyledFeature(feature: Feature(geometry: park.geometry, properties: [:]),
                                 style: FeatureStyle(fill: "#D7191C", fillOpacity: 0.9, stroke: "#D7191C", strokeWidth: 2, title: park.name))
        return MapLayer(name: "park", title: park.name, kind: .polygon, features: [this], legend: [])
    }
}
