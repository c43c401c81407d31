import CGEOS
import GeoCore

extension GeometryHandle {
    /// Builds a GEOS geometry from a GeoCore value, copying each coordinate
    /// sequence in one call (`GEOSCoordSeq_copyFromBuffer_r`). Heights are kept.
    ///
    /// Rings must be closed with at least 4 positions (GEOS's rule); otherwise
    /// this throws GEOS's message. An empty `Polygon` (no rings) becomes
    /// `POLYGON EMPTY`, empty sequences become empty LineStrings / MultiPoints.
    public convenience init(_ geometry: GeoCore.Geometry) throws(GEOSError) {
        let context = try GEOSContext.current
        let pointer = try GEOSGeometryBuilder(context: context).build(geometry)
        self.init(taking: pointer)
    }

    /// The geometry as a GeoCore value, copying each coordinate sequence in
    /// one call (`GEOSCoordSeq_copyToBuffer_r`).
    ///
    /// A sequence is 3-D when GEOS stores three ordinates and every height is
    /// a number (GEOS marks missing heights as NaN, which GeoCore never uses).
    /// Throws `.unsupported` for an empty Point, which GeoCore cannot express.
    public func geometry() throws(GEOSError) -> GeoCore.Geometry {
        let context = try GEOSContext.current
        return try GEOSGeometryReader(context: context).read(pointer)
    }
}

/// Creates raw GEOS geometries from GeoCore values. Every pointer it returns is
/// owned by the caller; on failure it frees whatever it had built.
struct GEOSGeometryBuilder {
    let context: GEOSContext
    private var handle: GEOSContextHandle_t { context.handle }

    func build(_ geometry: GeoCore.Geometry) throws(GEOSError) -> OpaquePointer {
        switch geometry {
        case .point(let p):
            return try point(CoordinateSequence([p]), index: 0)
        case .multiPoint(let s):
            let points = try buildAll(Array(0..<s.count)) { (i) throws(GEOSError) in try point(s, index: i) }
            return try collection(GEOS_MULTIPOINT, points)
        case .lineString(let s):
            return try lineString(s)
        case .multiLineString(let ss):
            return try collection(GEOS_MULTILINESTRING, try buildAll(ss) { (s) throws(GEOSError) in try lineString(s) })
        case .polygon(let p):
            return try polygon(p)
        case .multiPolygon(let ps):
            return try collection(GEOS_MULTIPOLYGON, try buildAll(ps) { (p) throws(GEOSError) in try polygon(p) })
        case .geometryCollection(let gs):
            return try collection(GEOS_GEOMETRYCOLLECTION, try buildAll(gs) { (g) throws(GEOSError) in try build(g) })
        }
    }

    /// A GEOS coordinate sequence of `count` positions starting at position `start`.
    private func coordinateSequence(_ s: CoordinateSequence, start: Int = 0, count: Int? = nil) throws(GEOSError) -> OpaquePointer {
        let n = count ?? s.count
        let dimension = s.dimension
        guard let size = UInt32(exactly: n) else { throw .invalidInput("\(n) positions exceed GEOS's sequence size limit") }
        let result: OpaquePointer? = s.storage.withUnsafeBufferPointer { buffer in
            guard n > 0, let base = buffer.baseAddress else {
                return GEOSCoordSeq_create_r(handle, 0, UInt32(dimension))
            }
            return GEOSCoordSeq_copyFromBuffer_r(handle, base + start * dimension, size, s.hasZ ? 1 : 0, 0)
        }
        guard let result else { throw context.failure("GEOSCoordSeq_copyFromBuffer_r") }
        return result
    }

    private func point(_ s: CoordinateSequence, index: Int) throws(GEOSError) -> OpaquePointer {
        let sequence = try coordinateSequence(s, start: index, count: 1)
        // GEOS takes ownership of the sequence, also when it fails.
        guard let p = GEOSGeom_createPoint_r(handle, sequence) else { throw context.failure("GEOSGeom_createPoint_r") }
        return p
    }

    private func lineString(_ s: CoordinateSequence) throws(GEOSError) -> OpaquePointer {
        if s.isEmpty {
            guard let p = GEOSGeom_createEmptyLineString_r(handle) else { throw context.failure("GEOSGeom_createEmptyLineString_r") }
            return p
        }
        let sequence = try coordinateSequence(s)
        guard let p = GEOSGeom_createLineString_r(handle, sequence) else { throw context.failure("GEOSGeom_createLineString_r") }
        return p
    }

    private func linearRing(_ s: CoordinateSequence) throws(GEOSError) -> OpaquePointer {
        let sequence = try coordinateSequence(s)
        guard let p = GEOSGeom_createLinearRing_r(handle, sequence) else { throw context.failure("GEOSGeom_createLinearRing_r") }
        return p
    }

    private func polygon(_ polygon: GeoCore.Polygon) throws(GEOSError) -> OpaquePointer {
        guard let exterior = polygon.exterior, !exterior.isEmpty else {
            // Holes without a shell would be lost silently; refuse them instead.
            guard polygon.holes.allSatisfy(\.isEmpty) else { throw .invalidInput("a polygon with holes needs a non-empty exterior ring") }
            guard let p = GEOSGeom_createEmptyPolygon_r(handle) else { throw context.failure("GEOSGeom_createEmptyPolygon_r") }
            return p
        }
        let shell = try linearRing(exterior)
        let holes: [OpaquePointer]
        do {
            holes = try buildAll(Array(polygon.holes)) { (r) throws(GEOSError) in try linearRing(r) }
        } catch {
            GEOSGeom_destroy_r(handle, shell)
            throw error
        }
        // GEOS takes ownership of the shell and the holes (not of the array).
        // (Hole and member counts fit in UInt32: each element is a GEOS allocation.)
        var holePointers: [OpaquePointer?] = holes
        let result = holePointers.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createPolygon_r(handle, shell, buffer.baseAddress, UInt32(truncatingIfNeeded: buffer.count))
        }
        guard let result else { throw context.failure("GEOSGeom_createPolygon_r") }
        return result
    }

    private func collection(_ type: GEOSGeomTypes, _ members: [OpaquePointer]) throws(GEOSError) -> OpaquePointer {
        // GEOS takes ownership of the members (not of the array), also when it fails.
        var pointers: [OpaquePointer?] = members
        let result = pointers.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(handle, Int32(type.rawValue), buffer.baseAddress, UInt32(truncatingIfNeeded: buffer.count))
        }
        guard let result else { throw context.failure("GEOSGeom_createCollection_r") }
        return result
    }

    /// Builds every element, freeing those already built when one fails.
    private func buildAll<T>(_ items: [T], _ make: (T) throws(GEOSError) -> OpaquePointer) throws(GEOSError) -> [OpaquePointer] {
        var built: [OpaquePointer] = []
        built.reserveCapacity(items.count)
        for item in items {
            do {
                built.append(try make(item))
            } catch {
                for p in built { GEOSGeom_destroy_r(handle, p) }
                throw error
            }
        }
        return built
    }
}

/// Reads raw GEOS geometries (not owned) into GeoCore values.
struct GEOSGeometryReader {
    let context: GEOSContext
    private var handle: GEOSContextHandle_t { context.handle }

    func read(_ g: OpaquePointer) throws(GEOSError) -> GeoCore.Geometry {
        let typeID = GEOSGeomTypeId_r(handle, g)
        guard typeID >= 0 else { throw context.failure("GEOSGeomTypeId_r") }
        switch GEOSGeomTypes(UInt32(typeID)) {
        case GEOS_POINT:
            return .point(try position(g))
        case GEOS_LINESTRING, GEOS_LINEARRING:
            return .lineString(try sequence(of: g))
        case GEOS_POLYGON:
            return .polygon(try polygon(g))
        case GEOS_MULTIPOINT:
            let positions = try members(of: g).map { (p) throws(GEOSError) in try position(p) }
            return .multiPoint(CoordinateSequence(positions))
        case GEOS_MULTILINESTRING:
            return .multiLineString(try members(of: g).map { (l) throws(GEOSError) in try sequence(of: l) })
        case GEOS_MULTIPOLYGON:
            return .multiPolygon(try members(of: g).map { (p) throws(GEOSError) in try polygon(p) })
        case GEOS_GEOMETRYCOLLECTION:
            return .geometryCollection(try members(of: g).map { (m) throws(GEOSError) in try read(m) })
        default:
            throw .unsupported("GEOS geometry type id \(typeID)")
        }
    }

    private func members(of g: OpaquePointer) throws(GEOSError) -> [OpaquePointer] {
        let n = GEOSGetNumGeometries_r(handle, g)
        guard n >= 0 else { throw context.failure("GEOSGetNumGeometries_r") }
        var result: [OpaquePointer] = []
        result.reserveCapacity(Int(n))
        for i in 0..<n {
            guard let member = GEOSGetGeometryN_r(handle, g, i) else { throw context.failure("GEOSGetGeometryN_r") }
            result.append(member)
        }
        return result
    }

    private func position(_ point: OpaquePointer) throws(GEOSError) -> Position {
        let s = try sequence(of: point)
        guard s.count == 1 else { throw .unsupported("an empty Point has no GeoCore representation") }
        return s[0]
    }

    private func polygon(_ g: OpaquePointer) throws(GEOSError) -> GeoCore.Polygon {
        let empty = GEOSisEmpty_r(handle, g)
        if try checkedPredicate(empty, "GEOSisEmpty_r", context) { return GeoCore.Polygon(rings: []) }
        guard let exterior = GEOSGetExteriorRing_r(handle, g) else { throw context.failure("GEOSGetExteriorRing_r") }
        let holeCount = GEOSGetNumInteriorRings_r(handle, g)
        guard holeCount >= 0 else { throw context.failure("GEOSGetNumInteriorRings_r") }
        var rings = [try sequence(of: exterior)]
        for i in 0..<holeCount {
            guard let hole = GEOSGetInteriorRingN_r(handle, g, i) else { throw context.failure("GEOSGetInteriorRingN_r") }
            rings.append(try sequence(of: hole))
        }
        return GeoCore.Polygon(rings: rings)
    }

    /// Copies a Point's, LineString's or LinearRing's coordinates in one call.
    private func sequence(of g: OpaquePointer) throws(GEOSError) -> CoordinateSequence {
        guard let cs = GEOSGeom_getCoordSeq_r(handle, g) else { throw context.failure("GEOSGeom_getCoordSeq_r") }
        var size: UInt32 = 0
        var dimensions: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(handle, cs, &size) != 0 else { throw context.failure("GEOSCoordSeq_getSize_r") }
        guard GEOSCoordSeq_getDimensions_r(handle, cs, &dimensions) != 0 else { throw context.failure("GEOSCoordSeq_getDimensions_r") }
        if size == 0 { return CoordinateSequence(storage: [], hasZ: false) }
        if dimensions >= 3 {
            let xyz = try copy(cs, count: Int(size), hasZ: true)
            if !xyz.contains(where: \.isNaN) { return CoordinateSequence(storage: xyz, hasZ: true) }
        }
        return CoordinateSequence(storage: try copy(cs, count: Int(size), hasZ: false), hasZ: false)
    }

    private func copy(_ cs: OpaquePointer, count: Int, hasZ: Bool) throws(GEOSError) -> [Double] {
        let ordinates = count * (hasZ ? 3 : 2)
        var status: Int32 = 0
        let storage = [Double](unsafeUninitializedCapacity: ordinates) { buffer, initialized in
            status = GEOSCoordSeq_copyToBuffer_r(handle, cs, buffer.baseAddress, hasZ ? 1 : 0, 0)
            // On failure the buffer content is undefined; zero it so the array is always initialised.
            if status == 0 { buffer.initialize(repeating: 0) }
            initialized = ordinates
        }
        guard status != 0 else { throw context.failure("GEOSCoordSeq_copyToBuffer_r") }
        return storage
    }
}
