import GeoCore

/// Which geometry a dataset file requires.
enum ExpectedGeometry {
    /// Polygon or MultiPolygon (districts, parks, parcels).
    case polygonal
    /// Point (enterprises).
    case point

    var label: String {
        switch self {
        case .polygonal: "Polygon or MultiPolygon"
        case .point: "Point"
        }
    }
}

extension FeatureReader {
    /// Checks the geometry's presence, type and coordinate ranges; returns it
    /// when usable. Validity (self-intersections, ring order) is checked later
    /// with GEOS, not here.
    ///
    /// Coordinates are expected in lon/lat degrees (the loader reprojects a
    /// declared projected CRS first). A position outside ±180 / ±90 makes the
    /// feature unusable and the reason guesses the cause:
    /// - every position has |first| ≤ 90 and some |second| > 90 (all ≤ 180):
    ///   latitude and longitude swapped. Data for China swapped this way has its
    ///   first ordinate in 3–54 (latitude) and its second in 73–135
    ///   (longitude), which the reason points out as a strong signal;
    /// - any |ordinate| > 1000: projected coordinates (metres) without a
    ///   declared CRS;
    /// - otherwise: plainly out of range.
    mutating func checkGeometry(_ geometry: Geometry?, expected: ExpectedGeometry) -> Geometry? {
        guard let geometry else {
            error("geometry", "geometry is null; a \(expected.label) is required")
            return nil
        }
        let typeOK: Bool
        switch (expected, geometry) {
        case (.polygonal, .polygon), (.polygonal, .multiPolygon), (.point, .point): typeOK = true
        default: typeOK = false
        }
        guard typeOK else {
            error("geometry", "expected \(expected.label), found \(geometry.typeName)")
            return nil
        }
        if expected == .polygonal {
            let polygons = geometry.polygons
            if polygons.isEmpty || polygons.contains(where: { ($0.exterior?.count ?? 0) == 0 }) {
                error("geometry", "\(geometry.typeName) has no coordinates")
                return nil
            }
        }
        var scan = CoordinateScan()
        if case .point(let p) = geometry {
            scan.add(x: p.x, y: p.y)
        } else {
            geometry.forEachSequence { sequence in
                for i in 0..<sequence.count { scan.add(x: sequence.x(i), y: sequence.y(i)) }
            }
        }
        if let bad = scan.firstNonFinite {
            error("geometry", "coordinate (\(bad.x), \(bad.y)) is not finite")
            return nil
        }
        guard let outside = scan.firstOutOfRange else { return geometry }
        let sample = "(\(outside.x), \(outside.y))"
        if scan.looksProjected {
            error("geometry", "coordinates such as \(sample) look projected (metres), not lon/lat degrees; "
                + "declare the CRS with the \"crs\" member or convert to lon/lat")
        } else if scan.looksSwapped {
            let china = scan.looksSwappedInChina ? " (latitude 3–54 first, longitude 73–135 second, as for China)" : ""
            error("geometry", "latitude and longitude look swapped\(china), e.g. \(sample); GeoJSON order is longitude, latitude")
        } else {
            error("geometry", "coordinate \(sample) is out of range; longitude must be within ±180 and latitude within ±90")
        }
        return nil
    }
}

/// One pass over the positions of a geometry, gathering what the range
/// heuristics need.
struct CoordinateScan {
    private(set) var firstNonFinite: Position?
    private(set) var firstOutOfRange: Position?
    private var allFirstWithin90 = true
    private var allSecondWithin180 = true
    private var allInChinaSwapped = true
    private(set) var looksProjected = false

    mutating func add(x: Double, y: Double) {
        guard x.isFinite, y.isFinite else {
            if firstNonFinite == nil { firstNonFinite = Position(x: x, y: y) }
            return
        }
        if abs(x) > 180 || abs(y) > 90, firstOutOfRange == nil { firstOutOfRange = Position(x: x, y: y) }
        if abs(x) > 90 { allFirstWithin90 = false }
        if abs(y) > 180 { allSecondWithin180 = false }
        if !(3...54).contains(x) || !(73...135).contains(y) { allInChinaSwapped = false }
        if abs(x) > 1000 || abs(y) > 1000 { looksProjected = true }
    }

    /// First ordinates all within ±90 and second ordinates within ±180, with
    /// some second ordinate beyond ±90: a latitude, longitude order.
    var looksSwapped: Bool { firstOutOfRange != nil && allFirstWithin90 && allSecondWithin180 }

    /// Every position is (lat 3–54, lon 73–135): China, swapped.
    var looksSwappedInChina: Bool { looksSwapped && allInChinaSwapped }
}
