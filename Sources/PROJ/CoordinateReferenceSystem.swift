import CPROJ

/// A coordinate reference system, described by a definition string that PROJ accepts.
///
/// A Sendable value: it holds the definition and the facts PROJ reported when
/// it was validated, never a PROJ pointer, so it can cross threads and be
/// stored freely. Each thread that transforms with it builds its own PROJ
/// object from `definition`.
///
/// Accepted definitions are whatever `proj_create` reads: `"EPSG:4544"`,
/// `"urn:ogc:def:crs:EPSG::4544"`, WKT (1 or 2), PROJJSON and PROJ strings
/// (`"+proj=utm +zone=33 +datum=WGS84"`; `+type=crs` is added when missing).
public struct CoordinateReferenceSystem: Sendable, Hashable, CustomStringConvertible {
    /// What kind of coordinates the CRS has.
    public enum Kind: String, Sendable, Hashable {
        case geographic, projected, geocentric, compound, vertical, other
    }

    /// The definition PROJ builds this CRS from (as given, or `"EPSG:n"`).
    public let definition: String
    /// The CRS name, e.g. `"CGCS2000 / 3-degree Gauss-Kruger CM 105E"`.
    public let name: String
    /// Geographic, projected, … (a BoundCRS reports the kind of its base CRS).
    public let kind: Kind
    /// The EPSG code when PROJ's object carries an EPSG identifier (`proj_get_id_code`); `nil` for
    /// PROJ strings and WKT without `ID`/`AUTHORITY`.
    public let epsgCode: Int?
    /// The unit of the first axis, e.g. `"degree"` or `"metre"`.
    public let unitName: String?

    /// Whether coordinates are longitude/latitude in degrees.
    public var isGeographic: Bool { kind == .geographic }
    /// Whether coordinates are easting/northing (usually metres).
    public var isProjected: Bool { kind == .projected }
    /// `"EPSG:4544 CGCS2000 / 3-degree Gauss-Kruger CM 105E"`, or the name alone without a code.
    public var description: String { epsgCode.map { "EPSG:\($0) \(name)" } ?? name }

    /// Validates `definition` with PROJ (`proj_create`) and checks that it is a CRS.
    /// - Throws: `PROJError.invalidDefinition` with PROJ's message, or `.notACRS`.
    public init(_ definition: String) throws(PROJError) {
        let trimmed = definition.trimmingWhitespace()
        let context = try ThreadPROJ.current().context
        let pj = try context.create(Self.asCRSDefinition(trimmed), reportedAs: trimmed)
        try self.init(definition: trimmed, object: pj)
    }

    /// Looks `EPSG:code` up in proj.db (`proj_create_from_database`).
    public init(epsg code: Int) throws(PROJError) {
        let context = try ThreadPROJ.current().context
        let pj = try context.createFromDatabase(authority: "EPSG", code: String(code))
        try self.init(definition: "EPSG:\(code)", object: pj)
    }

    /// Builds the per-thread PROJ object for this CRS.
    func makeObject(in context: PROJContext) throws(PROJError) -> PJObject {
        try context.create(Self.asCRSDefinition(definition), reportedAs: definition)
    }

    /// PROJ strings without `+type=crs` are read by `proj_create` as operations, not CRSs.
    static func asCRSDefinition(_ definition: String) -> String {
        let isPROJString = definition.hasPrefix("+") || definition.hasPrefix("proj=")
        guard isPROJString, !definition.contains("type=crs") else { return definition }
        return definition + " +type=crs"
    }

    /// The facts stored here are read once, at validation.
    private init(definition: String, object: PJObject) throws(PROJError) {
        let ctx = object.context.pointer
        guard proj_is_crs(object.pointer) != 0 else {
            throw .notACRS(definition: definition, type: Self.typeName(proj_get_type(object.pointer)))
        }
        // A BoundCRS (PROJ string with +towgs84) wraps the CRS that describes the coordinates.
        let base = proj_get_type(object.pointer) == PJ_TYPE_BOUND_CRS
            ? (object.context.adoptedObject(proj_get_source_crs(ctx, object.pointer)) ?? object) : object
        self.definition = definition
        self.name = proj_get_name(object.pointer).map { String(cString: $0) } ?? ""
        self.kind = Self.kind(of: proj_get_type(base.pointer))
        if let auth = proj_get_id_auth_name(object.pointer, 0), String(cString: auth) == "EPSG",
           let code = proj_get_id_code(object.pointer, 0) {
            self.epsgCode = Int(String(cString: code))
        } else {
            self.epsgCode = nil
        }
        self.unitName = Self.firstAxisUnit(of: base)
    }

    /// For the well-known constants: facts as stored in proj.db, checked by the tests.
    private init(knownDefinition: String, name: String, kind: Kind, epsgCode: Int, unitName: String) {
        self.definition = knownDefinition
        self.name = name
        self.kind = kind
        self.epsgCode = epsgCode
        self.unitName = unitName
    }

    /// WGS 84 geographic 2-D (EPSG:4326). Transformers use it in (lon, lat) order.
    public static let wgs84 = CoordinateReferenceSystem(
        knownDefinition: "EPSG:4326", name: "WGS 84", kind: .geographic, epsgCode: 4326, unitName: "degree")

    /// China Geodetic Coordinate System 2000, geographic 2-D (EPSG:4490), on GRS80.
    public static let cgcs2000 = CoordinateReferenceSystem(
        knownDefinition: "EPSG:4490", name: "China Geodetic Coordinate System 2000", kind: .geographic,
        epsgCode: 4490, unitName: "degree")

    private static func kind(of type: PJ_TYPE) -> Kind {
        switch type {
        case PJ_TYPE_GEOGRAPHIC_2D_CRS, PJ_TYPE_GEOGRAPHIC_3D_CRS, PJ_TYPE_GEOGRAPHIC_CRS: .geographic
        case PJ_TYPE_PROJECTED_CRS: .projected
        case PJ_TYPE_GEOCENTRIC_CRS: .geocentric
        case PJ_TYPE_COMPOUND_CRS: .compound
        case PJ_TYPE_VERTICAL_CRS: .vertical
        default: .other
        }
    }

    private static func typeName(_ type: PJ_TYPE) -> String {
        switch type {
        case PJ_TYPE_CONVERSION: "conversion"
        case PJ_TYPE_TRANSFORMATION: "transformation"
        case PJ_TYPE_CONCATENATED_OPERATION: "concatenated operation"
        case PJ_TYPE_OTHER_COORDINATE_OPERATION: "coordinate operation"
        case PJ_TYPE_ELLIPSOID: "ellipsoid"
        case PJ_TYPE_PRIME_MERIDIAN: "prime meridian"
        case PJ_TYPE_GEODETIC_REFERENCE_FRAME, PJ_TYPE_DYNAMIC_GEODETIC_REFERENCE_FRAME: "datum"
        default: "non-CRS object (PJ_TYPE \(type.rawValue))"
        }
    }

    /// The unit of axis 0; for a compound CRS, of its horizontal part.
    private static func firstAxisUnit(of crs: PJObject) -> String? {
        let ctx = crs.context.pointer
        let horizontal = proj_get_type(crs.pointer) == PJ_TYPE_COMPOUND_CRS
            ? (crs.context.adoptedObject(proj_crs_get_sub_crs(ctx, crs.pointer, 0)) ?? crs) : crs
        guard let cs = horizontal.context.adoptedObject(proj_crs_get_coordinate_system(ctx, horizontal.pointer)) else {
            crs.context.resetErrors()
            return nil
        }
        // The unit string belongs to `cs`: copy it while `cs` lives.
        return withExtendedLifetime(cs) { () -> String? in
            var unit: UnsafePointer<CChar>?
            guard proj_cs_get_axis_info(ctx, cs.pointer, 0, nil, nil, nil, nil, &unit, nil, nil) != 0, let unit else {
                return nil
            }
            return String(cString: unit)
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
