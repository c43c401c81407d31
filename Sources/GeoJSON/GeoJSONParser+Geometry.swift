import GeoCore

/// The seven RFC 7946 geometry type names.
enum GeometryKind: String {
    case point = "Point"
    case multiPoint = "MultiPoint"
    case lineString = "LineString"
    case multiLineString = "MultiLineString"
    case polygon = "Polygon"
    case multiPolygon = "MultiPolygon"
    case geometryCollection = "GeometryCollection"
}

/// One position as read: `z` is meaningful only when `hasZ`.
struct ScannedPosition {
    var x: Double
    var y: Double
    var z: Double
    var hasZ: Bool
}

extension ByteScanner {
    /// A geometry object (not null) at the cursor; `context` names the member for messages.
    mutating func parseGeometryObject(context: String) throws -> Geometry {
        let type = try lookAheadType()
        guard let kind = GeometryKind(rawValue: type) else {
            throw structureError("expected a geometry object in \(context), found type \"\(type)\"")
        }
        return try parseGeometry(kind)
    }

    /// The geometry object at the cursor, whose type is already known.
    /// Its `bbox` is validated and dropped, as are foreign members.
    mutating func parseGeometry(_ kind: GeometryKind) throws -> Geometry {
        let objectStart = index
        var geometry: Geometry?
        try forEachMember { s, key in
            if s.equals(key, "type") {
                _ = try s.scanString()
            } else if s.equals(key, "coordinates"), kind != .geometryCollection {
                geometry = try s.parseCoordinates(of: kind)
            } else if s.equals(key, "geometries"), kind == .geometryCollection {
                geometry = .geometryCollection(try s.parseGeometries())
            } else if s.equals(key, "bbox") {
                _ = try s.parseBoundingBox()
            } else {
                try s.skipValue()
            }
        }
        guard let geometry else {
            let member = kind == .geometryCollection ? "geometries" : "coordinates"
            throw structureError("\(kind.rawValue) has no \"\(member)\" member", at: objectStart)
        }
        return geometry
    }

    private mutating func parseGeometries() throws -> [Geometry] {
        guard peekToken() == ASCII.openBracket else { throw structureError("\"geometries\" must be an array") }
        var geometries: [Geometry] = []
        try forEachElement(of: "geometries array") { s in
            geometries.append(try s.parseGeometryObject(context: "\"geometries\""))
        }
        return geometries
    }

    private mutating func parseCoordinates(of kind: GeometryKind) throws -> Geometry {
        switch kind {
        case .point:
            let p = try scanPosition()
            return .point(Position(x: p.x, y: p.y, z: p.hasZ ? p.z : nil))
        case .multiPoint: return .multiPoint(try parsePositionList())
        case .lineString: return .lineString(try parsePositionList())
        case .multiLineString:
            var lines: [CoordinateSequence] = []
            try forEachNestedArray("line") { s in lines.append(try s.parsePositionList()) }
            return .multiLineString(lines)
        case .polygon: return .polygon(try parsePolygonRings())
        case .multiPolygon:
            var polygons: [Polygon] = []
            try forEachNestedArray("polygon") { s in polygons.append(try s.parsePolygonRings()) }
            return .multiPolygon(polygons)
        case .geometryCollection:
            return .geometryCollection([])  // not reached: collections have no coordinates
        }
    }

    /// Walks a coordinates array whose elements must themselves be arrays.
    private mutating func forEachNestedArray(_ element: String, _ body: (inout ByteScanner) throws -> Void) throws {
        guard peekToken() == ASCII.openBracket else { throw coordinatesFailure(expected: "'[' (coordinates array)") }
        try forEachElement(of: "coordinates array") { s in
            guard s.peekToken() == ASCII.openBracket else { throw s.coordinatesFailure(expected: "'[' (\(element))") }
            try body(&s)
        }
    }

    private mutating func parsePolygonRings() throws -> Polygon {
        var rings: [CoordinateSequence] = []
        try forEachNestedArray("ring") { s in
            let ringStart = s.index
            var ring = try s.parsePositionList()
            try s.validateRing(&ring, at: ringStart)
            rings.append(ring)
        }
        return Polygon(rings: rings)
    }

    /// RFC 7946 §3.1.6: a linear ring has ≥ 4 positions and is closed.
    private func validateRing(_ ring: inout CoordinateSequence, at start: Int) throws {
        if !strictRings, ring.count >= 1, !ring.isClosed {
            // Lenient mode closes the ring by repeating its first position.
            ring.storage.append(contentsOf: ring.storage[0..<ring.dimension])
        }
        guard ring.count >= 4 else {
            throw structureError("ring needs ≥ 4 positions, found \(ring.count)", at: start)
        }
        guard ring.isClosed else {
            throw structureError("unclosed polygon ring (first and last positions differ)", at: start)
        }
    }

    /// An array of positions parsed straight into one flat buffer.
    ///
    /// A 3-D position after 2-D ones turns the sequence 3-D (earlier heights
    /// 0); a 2-D position in a 3-D sequence gets height 0.
    mutating func parsePositionList() throws -> CoordinateSequence {
        guard peekToken() == ASCII.openBracket else { throw coordinatesFailure(expected: "'[' (array of positions)") }
        index += 1
        try enterContainer()
        defer { leaveContainer() }
        var storage: [Double] = []
        var hasZ = false
        if peekToken() == ASCII.closeBracket {
            index += 1
            return CoordinateSequence(storage: storage, hasZ: false)
        }
        storage.reserveCapacity(32)
        while true {
            let p = try scanPosition()
            if p.hasZ && !hasZ {
                storage = Self.addingZeroHeights(storage)
                hasZ = true
            }
            storage.append(p.x)
            storage.append(p.y)
            if hasZ { storage.append(p.hasZ ? p.z : 0) }
            let next = peekToken()
            index += 1
            if next == ASCII.comma { continue }
            if next == ASCII.closeBracket { break }
            index -= 1
            throw failure(expected: "',' or ']' in coordinates array")
        }
        return CoordinateSequence(storage: storage, hasZ: hasZ)
    }

    private static func addingZeroHeights(_ xy: [Double]) -> [Double] {
        var xyz: [Double] = []
        xyz.reserveCapacity(xy.count / 2 * 3 + 32)
        var i = 0
        while i + 1 < xy.count {
            xyz.append(xy[i])
            xyz.append(xy[i + 1])
            xyz.append(0)
            i += 2
        }
        return xyz
    }

    /// One position `[x, y]` or `[x, y, z]`; ordinates past the third are dropped.
    @inline(__always)
    mutating func scanPosition() throws -> ScannedPosition {
        skipWhitespace()
        let start = index
        guard current == ASCII.openBracket else { throw coordinatesFailure(expected: "'[' (position)") }
        index += 1
        let x = try positionOrdinate(start: start, found: 0)
        try expectPositionComma(start: start, found: 1)
        let y = try positionOrdinate(start: start, found: 1)
        var position = ScannedPosition(x: x, y: y, z: 0, hasZ: false)
        var found = 2
        while true {
            let next = peekToken()
            index += 1
            if next == ASCII.closeBracket { return position }
            guard next == ASCII.comma else {
                index -= 1
                throw failure(expected: "',' or ']' in position")
            }
            let value = try positionOrdinate(start: start, found: found)
            if found == 2 {
                position.z = value
                position.hasZ = true
            }
            found += 1
        }
    }

    @inline(__always)
    private mutating func positionOrdinate(start: Int, found: Int) throws -> Double {
        let b = peekToken()
        if b == ASCII.minus || (b &- ASCII.zero) < 10 { return try parseDouble() }
        if b == ASCII.closeBracket && found < 2 {
            throw structureError("position needs 2 or 3 numbers, found \(found)", at: start)
        }
        if b == UInt8(ascii: "N") || b == UInt8(ascii: "I") {
            throw syntaxError("non-finite number (NaN/Infinity are not JSON)")
        }
        throw coordinatesFailure(expected: "a number in position")
    }

    @inline(__always)
    private mutating func expectPositionComma(start: Int, found: Int) throws {
        let b = peekToken()
        if b == ASCII.comma {
            index += 1
            return
        }
        if b == ASCII.closeBracket { throw structureError("position needs 2 or 3 numbers, found \(found)", at: start) }
        throw failure(expected: "',' in position")
    }

    /// A structural error when valid JSON of the wrong shape is found, a
    /// syntax error otherwise.
    func coordinatesFailure(expected what: String) -> GeoJSONError {
        guard index < end else { return failure(expected: what) }
        switch bytes[index] {
        case ASCII.quote, ASCII.openBrace, UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"),
            ASCII.minus, ASCII.zero...ASCII.nine, ASCII.openBracket, ASCII.closeBracket:
            return structureError("expected \(what) in coordinates, found \(describeByte(bytes[index]))")
        default:
            return failure(expected: what)
        }
    }
}
