import GeoCore

/// How one feature is drawn: fill and outline for polygons, stroke for lines,
/// a coloured dot for points.
///
/// The fields follow the simplestyle-spec 1.1.0 (mapbox/simplestyle-spec) so
/// that a GeoJSON export styles itself in geojson.io, QGIS and kepler.gl; the
/// SVG renderer reads the same values. Widths are screen pixels; colours are
/// `#RRGGBB`.
public struct FeatureStyle: Sendable, Hashable {
    /// Polygon fill, `nil` for no fill.
    public var fill: String?
    /// 0…1.
    public var fillOpacity: Double
    /// Outline or line colour, `nil` for none.
    public var stroke: String?
    /// Outline width in pixels.
    public var strokeWidth: Double
    /// SVG dash pattern in pixels (e.g. `[4, 3]`); not part of simplestyle.
    public var strokeDash: [Double]?
    /// Point colour.
    public var markerColor: String?
    /// Point radius in pixels (SVG only; simplestyle has `marker-size` names instead).
    public var markerRadius: Double
    /// The `title` simplestyle key: a short name shown on hover.
    public var title: String?
    /// The `description` simplestyle key: one line of detail.
    public var description: String?
    /// A link the feature opens when clicked in an HTML page (SVG `<a href>`); not part of simplestyle.
    public var link: String?

    public init(
        fill: String? = nil, fillOpacity: Double = 0.6, stroke: String? = nil, strokeWidth: Double = 1,
        strokeDash: [Double]? = nil, markerColor: String? = nil, markerRadius: Double = 2.5,
        title: String? = nil, description: String? = nil
    ) {
        self.fill = fill
        self.fillOpacity = fillOpacity
        self.stroke = stroke
        self.strokeWidth = strokeWidth
        self.strokeDash = strokeDash
        self.markerColor = markerColor
        self.markerRadius = markerRadius
        self.title = title
        self.description = description
    }

    /// The simplestyle keys of this style for a feature of `kind`, in a fixed
    /// order: polygons get `fill`, `fill-opacity`, `stroke`, `stroke-width`;
    /// lines `stroke`, `stroke-width`; points `marker-color`; all get
    /// `title` and `description` when set.
    public func simplestyleProperties(for kind: MapLayerKind) -> JSONObject {
        var out = JSONObject()
        switch kind {
        case .polygon:
            out["fill"] = .string(fill ?? "#ffffff")
            out["fill-opacity"] = .double(fill == nil ? 0 : fillOpacity)
            out["stroke"] = .string(stroke ?? fill ?? "#555555")
            out["stroke-width"] = .double(strokeWidth)
        case .line:
            out["stroke"] = .string(stroke ?? "#555555")
            out["stroke-width"] = .double(strokeWidth)
        case .point:
            out["marker-color"] = .string(markerColor ?? fill ?? "#555555")
            out["marker-size"] = .string("small")
        }
        if let title { out["title"] = .string(title) }
        if let description { out["description"] = .string(description) }
        return out
    }
}
