import GeoCore

/// Reading of GeoJSON objects (collections, features, geometries).
///
/// Each object's `"type"` is found first (usually the first member; otherwise
/// by a look-ahead scan), then members are parsed straight into GeoCore
/// values: coordinates go directly into flat `[Double]` storage.
extension ByteScanner {
    /// The whole input as one GeoJSON text.
    mutating func parseGeoJSONDocument() throws -> GeoJSONDocument {
        skipByteOrderMark()
        let document = try parseGeoJSONObject()
        try expectEndOfInput()
        return document
    }

    /// One GeoJSON object of any kind at the cursor.
    mutating func parseGeoJSONObject() throws -> GeoJSONDocument {
        skipWhitespace()
        let objectStart = index
        let type = try lookAheadType()
        switch type {
        case "FeatureCollection": return .featureCollection(try parseFeatureCollection())
        case "Feature": return .feature(try parseFeature())
        default:
            guard let kind = GeometryKind(rawValue: type) else {
                throw structureError("unknown GeoJSON type \"\(type)\"", at: objectStart)
            }
            return .geometry(try parseGeometry(kind))
        }
    }

    // MARK: "type" look-ahead

    /// Returns the value of the object's `"type"` member and leaves the cursor
    /// where it was. Cheap when `"type"` comes first, as it nearly always does.
    mutating func lookAheadType() throws -> String {
        skipWhitespace()
        let objectStart = index
        guard current == ASCII.openBrace else {
            if isAtEnd { throw failure(expected: "'{' (GeoJSON object)") }
            throw structureError("expected a GeoJSON object, found \(describeByte(current))")
        }
        let savedDepth = depth
        defer {
            index = objectStart
            depth = savedDepth
        }
        index += 1
        try enterContainer()
        if peekToken() == ASCII.closeBrace { throw structureError("GeoJSON object has no \"type\" member", at: objectStart) }
        while true {
            skipWhitespace()
            let key = try scanString()
            try expect(ASCII.colon, "':' after object key")
            if equals(key, "type") {
                guard peekToken() == ASCII.quote else { throw structureError("\"type\" must be a string") }
                return try parseString()
            }
            try skipValue()
            let next = peekToken()
            if next == ASCII.comma {
                index += 1
                continue
            }
            if next == ASCII.closeBrace { throw structureError("GeoJSON object has no \"type\" member", at: objectStart) }
            throw failure(expected: "',' or '}' in object")
        }
    }

    // MARK: FeatureCollection

    /// A FeatureCollection. With `features`, that closure consumes the
    /// `features` array (the cursor on its `[`) and the result holds no features.
    mutating func parseFeatureCollection(features handler: ((inout ByteScanner) throws -> Void)? = nil) throws -> FeatureCollection {
        let objectStart = index
        var collection = FeatureCollection(features: [])
        var sawFeatures = false
        try forEachMember { s, key in
            if s.equals(key, "type") {
                _ = try s.scanString()
            } else if s.equals(key, "features") {
                // Not "last wins" like other duplicate keys: a streaming reader (`forEachFeatureBatch`)
                // has handed the first array's features on before it meets a second one, so two
                // arrays would be read differently by the two readers (fuzz finding, parallel target).
                guard !sawFeatures else {
                    s.skipWhitespace()
                    throw s.structureError("FeatureCollection has a second \"features\" member")
                }
                sawFeatures = true
                if let handler {
                    try handler(&s)
                } else {
                    try s.parseFeatures(into: &collection.features)
                }
            } else if s.equals(key, "bbox") {
                collection.bbox = try s.parseBoundingBox()
            } else if s.equals(key, "crs") {
                let value = try s.parseValue()
                if let name = LegacyCRS.normalizedName(fromMember: value) {
                    collection.crs = name
                } else {
                    collection.foreignMembers["crs"] = value
                }
            } else {
                let name = s.string(of: key)
                collection.foreignMembers[name] = try s.parseValue()
            }
        }
        guard sawFeatures else {
            throw structureError("FeatureCollection has no \"features\" member", at: objectStart)
        }
        return collection
    }

    private mutating func parseFeatures(into features: inout [Feature]) throws {
        guard peekToken() == ASCII.openBracket else { throw structureError("\"features\" must be an array") }
        try forEachElement(of: "features array") { s in
            s.featureIndex = features.count
            features.append(try s.parseFeatureElement())
            s.featureIndex = nil
        }
    }

    // MARK: Feature

    /// One element of a `features` array, at the cursor, as a Feature.
    ///
    /// When `featureErrors` collects (is non-nil), a structural error inside
    /// the element (an unclosed ring, a position with one number, a member of
    /// the wrong type, an element that is not a Feature) is recorded there
    /// instead of thrown, and the element is skipped structurally: a Feature
    /// becomes one with a null geometry and with its `id`, `properties` and
    /// foreign members where those are readable (wherever they come, before or
    /// after the geometry); anything else becomes an empty Feature. So the
    /// features after it keep their indices and a caller can name it.
    /// Malformed JSON is always thrown: past a syntax error nothing can be
    /// trusted, not even where the element ends.
    mutating func parseFeatureElement() throws -> Feature {
        skipWhitespace()
        let start = index, startDepth = depth
        var isFeature = false
        do {
            let type = try lookAheadType()
            isFeature = type == "Feature"
            guard isFeature else {
                throw structureError("expected a Feature in \"features\", found type \"\(type)\"")
            }
            return try parseFeature()
        } catch let error as GeoJSONError {
            guard featureErrors != nil, case .invalidGeoJSON = error else { throw error }
            index = start
            depth = startDepth
            var feature = Feature(geometry: nil, properties: nil)
            if isFeature {
                feature = try parseFeature(tolerant: true)
            } else {
                try skipValue()
            }
            featureErrors?.append(error)
            return feature
        }
    }

    /// The Feature object at the cursor. `tolerant` reads only what can be
    /// read of a Feature known to be broken: `type`, `geometry` and `bbox` are
    /// skipped unread (the geometry is null), an `id` or `properties` of the
    /// wrong type is skipped; only malformed JSON then throws.
    mutating func parseFeature(tolerant: Bool = false) throws -> Feature {
        var feature = Feature(geometry: nil, properties: nil)
        try forEachMember { s, key in
            if tolerant, s.equals(key, "type") || s.equals(key, "geometry") || s.equals(key, "bbox") {
                try s.skipValue()
            } else if s.equals(key, "type") {
                _ = try s.scanString()
            } else if s.equals(key, "geometry") {
                feature.geometry = try s.parseOptionalGeometry()
            } else if s.equals(key, "properties") {
                switch s.peekToken() {
                case ASCII.openBrace: feature.properties = try s.parseObject()
                case UInt8(ascii: "n"):
                    try s.expectLiteral("null")
                    feature.properties = nil
                default:
                    if tolerant { try s.skipValue() } else { throw s.structureError("\"properties\" must be an object or null") }
                }
            } else if s.equals(key, "id") {
                let b = s.peekToken()
                if tolerant, b != ASCII.quote, b != ASCII.minus, !(ASCII.zero...ASCII.nine).contains(b) {
                    try s.skipValue()
                } else {
                    feature.id = try s.parseFeatureID()
                }
            } else if s.equals(key, "bbox") {
                feature.bbox = try s.parseBoundingBox()
            } else {
                let name = s.string(of: key)
                feature.foreignMembers[name] = try s.parseValue()
            }
        }
        return feature
    }

    private mutating func parseFeatureID() throws -> FeatureID {
        switch peekToken() {
        case ASCII.quote: return .string(try parseString())
        case ASCII.minus, ASCII.zero...ASCII.nine:
            switch try parseNumberValue() {
            case .integer(let i): return .integer(i)
            case .double(let d): return .double(d)
            }
        default: throw structureError("feature \"id\" must be a string or a number")
        }
    }

    private mutating func parseOptionalGeometry() throws -> Geometry? {
        if peekToken() == UInt8(ascii: "n") {
            try expectLiteral("null")
            return nil
        }
        return try parseGeometryObject(context: "\"geometry\"")
    }

    /// `[minX, minY, (minZ,) maxX, maxY, (maxZ)]`: 4 or 6 numbers (RFC 7946 §5).
    mutating func parseBoundingBox() throws -> [Double] {
        let start = peekToken() == ASCII.openBracket ? index : -1
        guard start >= 0 else { throw structureError("\"bbox\" must be an array of numbers") }
        var values: [Double] = []
        values.reserveCapacity(4)
        try forEachElement(of: "bbox array") { s in
            let b = s.peekToken()
            guard b == ASCII.minus || (b >= ASCII.zero && b <= ASCII.nine) else {
                throw s.structureError("\"bbox\" must contain only numbers")
            }
            values.append(try s.parseDouble())
        }
        guard values.count == 4 || values.count == 6 else {
            throw structureError("\"bbox\" needs 4 or 6 numbers, found \(values.count)", at: start)
        }
        return values
    }
}
