import GeoCore
import LayoutModel

/// The four layers every dataset has: districts, parks, parcels, enterprises.
///
/// Each builder keeps the model's lon/lat geometry and the input properties
/// (`exportProperties`), and attaches the style of `MapStyle` and a legend
/// listing only the categories present.
/// Where a layer built "light" sends each feature's geometry and style instead of keeping it
/// (`BaseLayers.parcels(_:light:)`).
public typealias LightFeatureSink = (Geometry?, FeatureStyle) -> Void

public enum BaseLayers {
    /// Administrative districts (drawn first) and functional zones (above them).
    public static func districts(_ dataset: Dataset) -> MapLayer {
        let ordered = dataset.districts.filter { $0.kind == .administrative } + dataset.districts.filter { $0.kind == .functional }
        let features = ordered.map { d in
            var style = MapStyle.district(d.kind)
            style.title = d.name
            style.description = "\(d.kind.nameZh) \(d.kind.rawValue) · \(d.code)"
            // Functional zones usually share their name with a park: only districts get a label.
            return StyledFeature(
                feature: Feature(geometry: d.geometry, properties: d.exportProperties), style: style,
                label: d.kind == .administrative ? d.name : nil, labelScale: 1, labelPriority: .secondary)
        }
        var legend: [LegendEntry] = []
        for kind in DistrictKind.allCases where ordered.contains(where: { $0.kind == kind }) {
            legend.append(LegendEntry(label: "\(kind.nameZh) \(kind == .administrative ? "district" : "functional zone")", style: MapStyle.district(kind)))
        }
        return MapLayer(name: "districts", title: "行政区与功能区 Districts", kind: .polygon, features: features, legend: legend)
    }

    /// Parks labelled with their Chinese names; parents before sub-parks so that
    /// sub-parks (园中园) are drawn on top.
    public static func parks(_ dataset: Dataset) -> MapLayer {
        let ordered = dataset.parks.filter { $0.parent == nil } + dataset.parks.filter { $0.parent != nil }
        let features = ordered.map { p in
            var style = MapStyle.park(p.level, isSubPark: p.parent != nil)
            style.title = p.name
            let industries = p.mainIndustries.map(\.value).joined(separator: ", ")
            style.description = "\(p.level.nameZh) \(p.level.rawValue) park · \(p.id)" + (industries.isEmpty ? "" : " · 主导产业 \(industries)")
            return StyledFeature(
                feature: Feature(geometry: p.geometry, properties: p.exportProperties), style: style,
                label: p.name, labelScale: p.parent == nil ? 1 : 0.85)
        }
        var legend: [LegendEntry] = []
        for level in ParkLevel.allCases where ordered.contains(where: { $0.level == level }) {
            legend.append(LegendEntry(label: "\(level.nameZh)园区 \(level.rawValue) park", style: MapStyle.park(level, isSubPark: false)))
        }
        if ordered.contains(where: { $0.parent != nil }) {
            var style = MapStyle.park(.national, isSubPark: true)
            style.stroke = "#555555"
            style.fill = "#555555"
            legend.append(LegendEntry(label: "园中园 sub-park", style: style))
        }
        return MapLayer(name: "parks", title: "园区 Parks", kind: .polygon, features: features, legend: legend)
    }

    /// Parcels coloured by land use (`LandUsePalette`); legend rows per class present.
    /// - Parameter light: when given, the layer is returned without features and each parcel's
    ///   geometry and style (no properties, title or description) go to `light` instead, in layer
    ///   order: what a layer only thinned to grid cells (`DisplayThinning`) reads, with no
    ///   million-feature array in memory.
    public static func parcels(_ dataset: Dataset, light: LightFeatureSink? = nil) -> MapLayer {
        var features: [StyledFeature] = []
        if let light {
            for p in dataset.parcels { light(p.geometry, MapStyle.parcel(landUse: p.landUse)) }
        } else {
            features = dataset.parcels.map(parcel)
        }
        let codes = Set(dataset.parcels.map { LandUsePalette.legendCode(for: $0.landUse) }).sorted()
        let legend = codes.map { code in
            let cls = LandUseTable.lookup(code)
            let label = cls.map { "\(code) \($0.nameZh) \($0.nameEn)" } ?? code
            return LegendEntry(label: label, style: MapStyle.parcel(landUse: code))
        }
        return MapLayer(name: "parcels", title: "地块用地 Parcels by land use", kind: .polygon, features: features, legend: legend)
    }

    /// Enterprises as dots coloured by industry (`IndustryPalette`).
    /// - Parameter light: as for `parcels(_:light:)`.
    public static func enterprises(_ dataset: Dataset, light: LightFeatureSink? = nil) -> MapLayer {
        let table = dataset.enterprises
        let codes = table.indices.map(table.industry(at:))
        let palette = IndustryPalette(codes: codes)
        var features: [StyledFeature] = []
        if let light {
            for i in table.indices { light(table.geometry(at: i), MapStyle.enterprise(color: palette.color(for: codes[i]))) }
        } else {
            features = table.map { enterprise($0, palette: palette) }
        }
        var legend = palette.categories.map { key in
            LegendEntry(label: "\(key) \(IndustryPalette.name(ofCategory: key))", style: MapStyle.enterprise(color: palette.color(forCategory: key)))
        }
        if palette.hasOther(codes) {
            legend.append(LegendEntry(label: "其他 other", style: MapStyle.enterprise(color: IndustryPalette.otherColor)))
        }
        return MapLayer(name: "enterprises", title: "企业 Enterprises by industry", kind: .point, features: features, legend: legend)
    }

    /// One parcel of the `parcels` layer (made alone when a big layer is written row by row).
    public static func parcel(_ p: Parcel) -> StyledFeature {
        var style = MapStyle.parcel(landUse: p.landUse)
        let name = LandUseTable.nearestKnown(p.landUse)?.nameZh ?? p.landUse
        style.title = "\(p.id) \(name)"
        style.description = "用地 \(p.landUse) \(name) · \(p.status.nameZh) \(p.status.rawValue)"
        return StyledFeature(feature: Feature(geometry: p.geometry, properties: p.exportProperties), style: style)
    }

    /// The palette of the `enterprises` layer: every industry code of the dataset.
    public static func enterprisePalette(_ dataset: Dataset) -> IndustryPalette {
        let table = dataset.enterprises
        return IndustryPalette(codes: table.indices.map(table.industry(at:)))
    }

    /// One enterprise of the `enterprises` layer, coloured by `palette` (`enterprisePalette`).
    public static func enterprise(_ e: Enterprise, palette: IndustryPalette) -> StyledFeature {
        var style = MapStyle.enterprise(color: palette.color(for: e.industry))
        style.title = e.name
        let name = IndustryTable.nearestKnown(e.industry)?.nameZh ?? ""
        style.description = "\(e.industry.value) \(name)"
        return StyledFeature(feature: Feature(geometry: e.geometry, properties: e.exportProperties), style: style)
    }
}
