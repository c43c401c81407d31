import GeoCore

/// The geometry family of a layer: it decides which style keys apply and how
/// the legend swatch looks.
public enum MapLayerKind: String, Sendable, Hashable, CaseIterable {
    case polygon
    case point
    case line
}

/// One row of a legend: a swatch drawn with `style` and a label.
public struct LegendEntry: Sendable, Hashable {
    public var label: String
    public var style: FeatureStyle

    public init(label: String, style: FeatureStyle) {
        self.label = label
        self.style = style
    }
}

/// How much a label matters: primary labels (e.g. parks) are always drawn,
/// moved aside with a leader line when crowded; secondary ones (e.g. district
/// names, drawn grey) only where they fit.
public enum LabelPriority: String, Sendable, Hashable {
    case primary
    case secondary
}

/// A feature ready for a map: its lon/lat geometry and input properties, the
/// style it is drawn with, and an optional text label placed on the map.
public struct StyledFeature: Sendable, Hashable {
    /// RFC 7946 feature, lon/lat (WGS84 / CGCS2000), properties as in the input.
    public var feature: Feature
    public var style: FeatureStyle
    /// Text drawn on the map at the feature (e.g. a park name); `nil` for none.
    public var label: String?
    /// Relative label size: 1 normal, smaller for minor features (e.g. sub-parks).
    public var labelScale: Double
    public var labelPriority: LabelPriority

    public init(
        feature: Feature, style: FeatureStyle, label: String? = nil, labelScale: Double = 1,
        labelPriority: LabelPriority = .primary
    ) {
        self.feature = feature
        self.style = style
        self.label = label
        self.labelScale = labelScale
        self.labelPriority = labelPriority
    }
}

/// One map layer: a named, styled set of features with its legend.
///
/// Base layers (districts, parks, parcels, enterprises) come from
/// `BaseLayers`; analyses add their own (clusters, hotspots, findings, site
/// candidates) by building a `MapLayer` from their results and registering a
/// builder in a `MapLayerRegistry`: the renderer and the GeoJSON export need
/// nothing else.
public struct MapLayer: Sendable, Hashable {
    /// Machine name, used on the command line and as the `layer` property (e.g. `"parcels"`).
    public var name: String
    /// Heading of the layer in the legend, e.g. `"地块用地 Parcels by land use"`.
    public var title: String
    public var kind: MapLayerKind
    public var features: [StyledFeature]
    /// Legend rows, in display order; empty hides the layer from the legend.
    public var legend: [LegendEntry]

    public init(name: String, title: String, kind: MapLayerKind, features: [StyledFeature], legend: [LegendEntry]) {
        self.name = name
        self.title = title
        self.kind = kind
        self.features = features
        self.legend = legend
    }
}

/// What a map shows: a title and layers in draw order (first drawn first, so
/// at the bottom).
public struct MapDocument: Sendable, Hashable {
    public var title: String
    /// A second line under the title (e.g. the dataset and the CRS); optional.
    public var subtitle: String?
    public var layers: [MapLayer]

    public init(title: String, subtitle: String? = nil, layers: [MapLayer]) {
        self.title = title
        self.subtitle = subtitle
        self.layers = layers
    }

    /// The lon/lat extent of every feature of every layer.
    public var boundingBox: BoundingBox? {
        var box = BoundingBox.empty
        for layer in layers {
            for f in layer.features {
                if let b = f.feature.geometry?.boundingBox { box.extend(with: b) }
            }
        }
        return box.isEmpty ? nil : box
    }
}
