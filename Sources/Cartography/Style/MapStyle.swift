import LayoutModel

/// The house style of the base layers: districts, parks and enterprises
/// (parcels use `LandUsePalette`).
///
/// Choices and why: administrative boundaries are dark grey lines with no fill
/// so that parcels show through; functional zones (开发区/新区 that overlap
/// districts) are dashed purple; parks are outlined in a colour per level
/// (national red, provincial orange, municipal blue — the order of the usual
/// 国家级/省级/市级 thematic maps) with a faint fill; enterprises are small dots
/// coloured by industry.
public enum MapStyle {
    /// Administrative districts: outline only.
    public static let administrativeDistrict = FeatureStyle(
        fill: nil, fillOpacity: 0, stroke: "#4D4D4D", strokeWidth: 1.2)
    /// Functional zones: dashed purple outline, faint fill.
    public static let functionalDistrict = FeatureStyle(
        fill: "#8E44AD", fillOpacity: 0.05, stroke: "#8E44AD", strokeWidth: 1.2, strokeDash: [6, 4])

    /// The style of a district by kind.
    public static func district(_ kind: DistrictKind) -> FeatureStyle {
        kind == .administrative ? administrativeDistrict : functionalDistrict
    }

    /// Outline colour of a park level.
    public static func parkColor(_ level: ParkLevel) -> String {
        switch level {
        case .national: "#C0392B"
        case .provincial: "#E67E22"
        case .municipal: "#2471A3"
        }
    }

    /// A park: level colour outline; sub-parks (园中园) thinner and dashed.
    public static func park(_ level: ParkLevel, isSubPark: Bool) -> FeatureStyle {
        FeatureStyle(
            fill: parkColor(level), fillOpacity: 0.08, stroke: parkColor(level),
            strokeWidth: isSubPark ? 1.2 : 2, strokeDash: isSubPark ? [4, 3] : nil)
    }

    /// A parcel: land-use colour with a thin white edge so neighbours stay apart.
    public static func parcel(landUse: String) -> FeatureStyle {
        FeatureStyle(fill: LandUsePalette.color(for: landUse), fillOpacity: 0.85, stroke: "#FFFFFF", strokeWidth: 0.3)
    }

    /// An enterprise dot.
    public static func enterprise(color: String) -> FeatureStyle {
        FeatureStyle(markerColor: color, markerRadius: 2.2)
    }
}
