import GeoCore

/// Writes GeoJSON objects (features, geometries) through a `JSONEmitter`.
struct GeoJSONEmitter {
    var json: JSONEmitter
    let options: GeoJSONWriter.Options

    init(sink: ByteSink, options: GeoJSONWriter.Options) {
        self.json = JSONEmitter(sink: sink, pretty: options.pretty, coordinatePrecision: options.coordinatePrecision)
        self.options = options
    }

    private var sink: ByteSink { json.sink }

    /// Members a Feature writes itself; foreign members with these names are
    /// skipped so the output never has duplicate keys.
    static let featureMemberNames: Set<String> = ["type", "id", "bbox", "geometry", "properties"]
    static let collectionMemberNames: Set<String> = ["type", "bbox", "crs", "features"]

    func feature(_ feature: Feature) throws {
        sink.append(ASCII.openBrace)
        var inner = self
        inner.json.level += 1
        inner.json.key("type", first: true)
        sink.append("\"Feature\"")
        if let id = feature.id {
            inner.json.key("id")
            switch id {
            case .string(let s): json.string(s)
            case .integer(let i): json.integer(i)
            case .double(let d): try json.double(d)
            }
        }
        switch options.boundingBoxes {
        case .omit: break
        case .preserve:
            if let bbox = feature.bbox {
                inner.json.key("bbox")
                try numberArray(bbox)
            }
        case .compute:
            var box = ExtentAccumulator()
            if let g = feature.geometry { box.add(g) }
            if let values = box.values {
                inner.json.key("bbox")
                try numberArray(values)
            }
        }
        inner.json.key("geometry")
        if let geometry = feature.geometry { try inner.geometry(geometry) } else { sink.append("null") }
        inner.json.key("properties")
        if let properties = feature.properties { try inner.json.object(properties) } else { sink.append("null") }
        for member in feature.foreignMembers.members where !Self.featureMemberNames.contains(member.key) {
            inner.json.key(member.key)
            try inner.json.value(member.value)
        }
        json.newline()
        sink.append(ASCII.closeBrace)
    }

    func geometry(_ geometry: Geometry) throws {
        sink.append(ASCII.openBrace)
        var inner = self
        inner.json.level += 1
        inner.json.key("type", first: true)
        inner.json.string(geometry.typeName)
        if case .geometryCollection(let members) = geometry {
            inner.json.key("geometries")
            sink.append(ASCII.openBracket)
            var element = inner
            element.json.level += 1
            for (i, member) in members.enumerated() {
                if i > 0 { sink.append(ASCII.comma) }
                element.json.newline()
                try element.geometry(member)
            }
            if !members.isEmpty { inner.json.newline() }
            sink.append(ASCII.closeBracket)
        } else {
            inner.json.key("coordinates")
            try inner.coordinates(of: geometry)
        }
        json.newline()
        sink.append(ASCII.closeBrace)
    }

    private func coordinates(of geometry: Geometry) throws {
        switch geometry {
        case .point(let p):
            sink.append(ASCII.openBracket)
            try json.ordinate(p.x)
            json.inlineComma()
            try json.ordinate(p.y)
            if let z = p.z {
                json.inlineComma()
                try json.ordinate(z)
            }
            sink.append(ASCII.closeBracket)
        case .multiPoint(let s), .lineString(let s):
            try positions(s, reversed: false)
        case .multiLineString(let lines):
            try list(lines) { try $0.positions($1, reversed: false) }
        case .polygon(let polygon):
            try rings(polygon)
        case .multiPolygon(let polygons):
            try list(polygons) { try $0.rings($1) }
        case .geometryCollection:
            break  // written by `geometry(_:)`
        }
    }

    /// `[a, b, …]` with each element on its own line when pretty.
    private func list<T>(_ items: [T], _ element: (GeoJSONEmitter, T) throws -> Void) throws {
        sink.append(ASCII.openBracket)
        var inner = self
        inner.json.level += 1
        for (i, item) in items.enumerated() {
            if i > 0 { sink.append(ASCII.comma) }
            inner.json.newline()
            try element(inner, item)
        }
        if !items.isEmpty { json.newline() }
        sink.append(ASCII.closeBracket)
    }

    private func rings(_ polygon: Polygon) throws {
        try list(Array(polygon.rings.enumerated())) { emitter, entry in
            let (index, ring) = entry
            var reverse = false
            if emitter.options.rfc7946Orientation {
                // RFC 7946 §3.1.6: exterior counter-clockwise (positive
                // signed area in a y-up frame), holes clockwise.
                let area = ring.signedDoubleArea
                reverse = index == 0 ? area < 0 : area > 0
            }
            try emitter.positions(ring, reversed: reverse)
        }
    }

    /// A position list on one line, optionally in reverse order.
    private func positions(_ sequence: CoordinateSequence, reversed: Bool) throws {
        let d = sequence.dimension
        let n = sequence.count
        sink.append(ASCII.openBracket)
        try sequence.storage.withUnsafeBufferPointer { ordinates in
            for k in 0..<n {
                if k > 0 { json.inlineComma() }
                let base = (reversed ? n - 1 - k : k) * d
                sink.append(ASCII.openBracket)
                try json.ordinate(ordinates[base])
                json.inlineComma()
                try json.ordinate(ordinates[base + 1])
                if d == 3 {
                    json.inlineComma()
                    try json.ordinate(ordinates[base + 2])
                }
                sink.append(ASCII.closeBracket)
            }
        }
        sink.append(ASCII.closeBracket)
    }

    func numberArray(_ values: [Double]) throws {
        sink.append(ASCII.openBracket)
        for (i, v) in values.enumerated() {
            if i > 0 { json.inlineComma() }
            try json.double(v)
        }
        sink.append(ASCII.closeBracket)
    }
}

/// Running extent of geometries for computed `bbox` members: 2-D, or 3-D
/// (RFC 7946 §5 order: minX, minY, minZ, maxX, maxY, maxZ) when any
/// coordinate has a height.
struct ExtentAccumulator {
    private var box = BoundingBox.empty
    private var minZ = Double.infinity
    private var maxZ = -Double.infinity

    mutating func add(_ geometry: Geometry) {
        switch geometry {
        case .point(let p):
            box.extend(x: p.x, y: p.y)
            if let z = p.z { addZ(z) }
        case .geometryCollection(let members):
            for m in members { add(m) }
        default:
            geometry.forEachSequence { s in
                box.extend(with: s)
                guard s.hasZ else { return }
                var i = 2
                while i < s.storage.count {
                    addZ(s.storage[i])
                    i += 3
                }
            }
        }
    }

    private mutating func addZ(_ z: Double) {
        minZ = min(minZ, z)
        maxZ = max(maxZ, z)
    }

    /// The bbox numbers, or nil when nothing was added.
    var values: [Double]? {
        guard !box.isEmpty else { return nil }
        if minZ <= maxZ { return [box.minX, box.minY, minZ, box.maxX, box.maxY, maxZ] }
        return [box.minX, box.minY, box.maxX, box.maxY]
    }
}
