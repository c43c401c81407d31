import GeoCore
import LayoutModel

/// Turns map layers into the features of one styled RFC 7946 FeatureCollection.
///
/// Each feature keeps every input property, in input order, then gains
/// `layer` (the layer's name) and the simplestyle-spec 1.1.0 keys of its
/// style (`fill`, `fill-opacity`, `stroke`, `stroke-width` for polygons,
/// `marker-color` for points, `title`, `description`). A key the input already
/// has is left as the input had it: a user's own styling wins. Geometry stays
/// lon/lat; exterior rings are made counter-clockwise by the GeoJSON writer.
public enum GeoJSONExport {
    /// The features of `layers`, layer by layer in order.
    public static func features(for layers: [MapLayer]) -> [Feature] {
        var out: [Feature] = []
        out.reserveCapacity(layers.reduce(0) { $0 + $1.features.count })
        for layer in layers {
            for styled in layer.features { out.append(feature(styled, layer: layer.name, kind: layer.kind)) }
        }
        return out
    }

    /// One styled feature as exported in the layer `layer` of kind `kind`.
    public static func feature(_ styled: StyledFeature, layer: String, kind: MapLayerKind) -> Feature {
        var feature = styled.feature
        var properties = feature.properties ?? JSONObject()
        if properties["layer"] == nil { properties["layer"] = .string(layer) }
        properties.addMissing(styled.style.simplestyleProperties(for: kind))
        feature.properties = properties
        return feature
    }

    /// The features of the named layers of `dataset` (the registry's defaults when `layers` is nil).
    public static func features(
        for dataset: Dataset, layers: [String]? = nil, registry: MapLayerRegistry = .base
    ) throws -> [Feature] {
        features(for: try registry.build(layers, from: dataset))
    }
}
