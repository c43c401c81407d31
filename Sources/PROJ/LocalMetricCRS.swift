import GeoCore

/// Chooses the metric CRS in which the analyses measure distances (docs/analyses.md §1).
///
/// - In China: the CGCS2000 3-degree Gauss–Krüger zone *without* the zone
///   prefix in the false easting (the "CM" variants, EPSG:4534 … 4554 for central
///   meridians 75°E … 135°E in 3° steps; false easting 500 000 m), whose central
///   meridian is nearest the longitude of the extent's centre.
/// - Elsewhere: the WGS84 UTM zone of the centre (EPSG:326zz north, 327zz south),
///   with the Norway (32V) and Svalbard (31X–37X) exceptions.
///
/// "In China" is the test the GCJ-02 formulas also use: the centre of the box lies in
/// the rectangle 73.66–135.05°E, 3.86–53.55°N (`OffsetCoordinates.isInsideChina`),
/// boundaries included. It is a rectangle, so a few neighbouring areas (e.g. parts of
/// Mongolia or Korea) count as China; for a dataset of one city that does not matter.
public enum LocalMetricCRS {
    /// The chosen CRS for a lon/lat extent (degrees).
    ///
    /// Ties (a centre exactly 1.5° from two central meridians) go to the eastern zone,
    /// as the usual zone formula n = ⌊(λ + 1.5°)/3°⌋ does.
    /// - Throws: `PROJError.invalidExtent` for an empty or non-finite box.
    public static func forExtent(_ bbox: BoundingBox) throws(PROJError) -> (epsg: Int, name: String) {
        guard !bbox.isEmpty, bbox.minX.isFinite, bbox.maxX.isFinite, bbox.minY.isFinite, bbox.maxY.isFinite else {
            throw .invalidExtent(bbox)
        }
        let centre = bbox.center
        let lon = normalisedLongitude(centre.x)
        let lat = min(90, max(-90, centre.y))
        if OffsetCoordinates.isInsideChina(lon: lon, lat: lat) {
            let cm = gaussKrugerCentralMeridian(lon: lon)
            return (gaussKrugerEPSG(centralMeridian: cm), "CGCS2000 / 3-degree Gauss-Kruger CM \(cm)E")
        }
        let zone = utmZone(lon: lon, lat: lat)
        let north = lat >= 0
        return ((north ? 32600 : 32700) + zone, "WGS 84 / UTM zone \(zone)\(north ? "N" : "S")")
    }

    /// The chosen CRS, validated by PROJ.
    public static func crs(forExtent bbox: BoundingBox) throws(PROJError) -> CoordinateReferenceSystem {
        try CoordinateReferenceSystem(epsg: forExtent(bbox).epsg)
    }

    /// Central meridian (°E) of the 3-degree zone nearest `lon`, clamped to the CRSs that exist (75…135).
    public static func gaussKrugerCentralMeridian(lon: Double) -> Int {
        let zone = Int(((lon + 1.5) / 3).rounded(.down))
        return min(45, max(25, zone)) * 3
    }

    /// EPSG code of "CGCS2000 / 3-degree Gauss-Kruger CM nE": 4534 for 75°E, +1 per 3°.
    public static func gaussKrugerEPSG(centralMeridian cm: Int) -> Int {
        4534 + (cm - 75) / 3
    }

    /// UTM zone 1…60, with the Norway and Svalbard exceptions of the UTM grid.
    public static func utmZone(lon: Double, lat: Double) -> Int {
        if lat >= 56, lat < 64, lon >= 3, lon < 12 { return 32 }
        if lat >= 72, lat < 84, lon >= 0, lon < 42 {
            switch lon {
            case ..<9: return 31
            case ..<21: return 33
            case ..<33: return 35
            default: return 37
            }
        }
        return min(60, max(1, Int(((lon + 180) / 6).rounded(.down)) + 1))
    }

    /// Longitude wrapped into [−180, 180).
    static func normalisedLongitude(_ lon: Double) -> Double {
        var x = (lon + 180).truncatingRemainder(dividingBy: 360)
        if x < 0 { x += 360 }
        return x - 180
    }
}
