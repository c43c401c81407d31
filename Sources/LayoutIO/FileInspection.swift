import Dispatch
import GEOS
import GeoCore
import GeoJSON
import PROJ

/// What `parkatlas info` reports about one GeoJSON file.
///
/// Areas are ellipsoidal on GRS80 (m², PROJ's geodesic polygon area) and
/// measured on the repaired geometry when GEOS finds the input invalid;
/// lengths are geodesic (m) for line features.
public struct FileSummary: Sendable {
    public var path: String
    public var format: GeoJSONInputFormat
    public var byteCount: Int
    public var featureCount: Int
    /// Geometry type → count, in order of first appearance; null geometries as "null".
    public var geometryTypes: [(type: String, count: Int)]
    /// Extent in lon/lat after normalisation, or nil when there are no coordinates.
    public var boundingBox: BoundingBox?
    /// The CRS the file declared (legacy `crs` member), nil for RFC 7946 lon/lat.
    public var declaredCRS: String?
    /// The datum the coordinates were converted from.
    public var datum: Datum
    /// Whether any coordinate has a third ordinate.
    public var hasZ: Bool
    public var properties: [PropertySummary]
    /// Features whose geometry GEOS finds invalid, or that repeat consecutive vertices.
    public var geometryProblems: [GeometryProblem]
    public var measures: [FeatureMeasure]

    /// Whether the extent leaves the longitude/latitude range (±180, ±90) though no
    /// projected CRS was declared: projected metres read as degrees. Areas and
    /// lengths are then not measured (they would be meaningless).
    public var coordinatesOutOfLonLatRange: Bool {
        guard let b = boundingBox else { return false }
        return b.minX < -180 || b.maxX > 180 || b.minY < -90 || b.maxY > 90
    }

    /// Sum of the features' ellipsoidal areas (repaired geometry), m².
    public var totalArea: Double { measures.reduce(0) { $0 + $1.area } }
    /// Sum of the line features' geodesic lengths, m.
    public var totalLength: Double { measures.reduce(0) { $0 + $1.length } }
}

/// One property key: in how many features it appears, and with which JSON types.
public struct PropertySummary: Sendable, Hashable {
    public var key: String
    public var present: Int
    /// JSON type name → count, sorted by count descending.
    public var types: [String: Int]
}

/// A geometry problem found while inspecting a feature.
public struct GeometryProblem: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// GEOS `isValid` failed (self-intersection, ring crossing, …); repaired with make-valid.
        case invalid
        /// Consecutive repeated vertices (GEOS accepts them; the loader removes them).
        case repeatedVertices = "repeated_vertices"
    }
    public var kind: Kind
    public var featureIndex: Int
    public var featureLabel: String
    /// GEOS's reason (e.g. "Self-intersection") or a description.
    public var reason: String
    public var location: Position?
    /// Geometry types that make-valid produced beside the polygons and that were dropped.
    public var dropped: [String]
}

/// Ellipsoidal measures of one feature.
public struct FeatureMeasure: Sendable, Hashable {
    public var featureIndex: Int
    public var featureLabel: String
    /// m², GRS80; of the repaired geometry when the input was invalid.
    public var area: Double
    /// m, GRS80 geodesic length of line features (0 for others).
    public var length: Double
}

public enum FileInspection {
    /// Reads and inspects a file. `threads` bounds the parallel validity/area pass.
    public static func inspect(path: String, datum: Datum = .wgs84, threads: Int = 2) throws -> FileSummary {
        let input = try LonLatInput.read(path: path, datum: datum)
        return try inspect(input, path: path, threads: threads)
    }

    public static func inspect(_ input: LonLatCollection, path: String, threads: Int = 2) throws -> FileSummary {
        let features = input.collection.features
        var typeOrder: [String] = []
        var typeCounts: [String: Int] = [:]
        var box = BoundingBox.empty
        var hasZ = false
        var keyOrder: [String] = []
        var keyPresent: [String: Int] = [:]
        var keyTypes: [String: [String: Int]] = [:]
        for feature in features {
            let type = feature.geometry?.typeName ?? "null"
            if typeCounts[type] == nil { typeOrder.append(type) }
            typeCounts[type, default: 0] += 1
            if let g = feature.geometry {
                if let b = g.boundingBox { box.extend(with: b) }
                hasZ = hasZ || g.hasZ
            }
            for member in feature.properties ?? JSONObject() {
                if keyPresent[member.key] == nil { keyOrder.append(member.key) }
                keyPresent[member.key, default: 0] += 1
                keyTypes[member.key, default: [:]][member.value.typeName, default: 0] += 1
            }
        }

        // Metres read as degrees: GEOS validity still means something, ellipsoidal measures do not.
        let outOfRange = !box.isEmpty && (box.minX < -180 || box.maxX > 180 || box.minY < -90 || box.maxY > 90)
        let perFeature = try measureAll(features, fileName: path, threads: threads, measures: !outOfRange)
        var problems: [GeometryProblem] = []
        var measures: [FeatureMeasure] = []
        for result in perFeature {
            problems.append(contentsOf: result.problems)
            if let m = result.measure { measures.append(m) }
        }
        return FileSummary(
            path: path, format: input.format, byteCount: input.byteCount, featureCount: features.count,
            geometryTypes: typeOrder.map { ($0, typeCounts[$0]!) },
            boundingBox: box.isEmpty ? nil : box, declaredCRS: input.declaredCRS, datum: input.datum, hasZ: hasZ,
            properties: keyOrder.map { PropertySummary(key: $0, present: keyPresent[$0]!, types: keyTypes[$0]!) },
            geometryProblems: problems, measures: measures)
    }

    /// A short human label for a feature: its `name`, then its id or code.
    public static func label(of feature: Feature, index: Int) -> String {
        let props = feature.properties
        let name = props?["name"]?.stringValue
        let id = feature.id?.description
            ?? props?["id"].flatMap(Self.scalarText)
            ?? props?["code"].flatMap(Self.scalarText)
            ?? props?["adcode"].flatMap(Self.scalarText)
        switch (name, id) {
        case let (n?, i?): return "\(n) (\(i))"
        case let (n?, nil): return n
        case let (nil, i?): return i
        default: return "#\(index)"
        }
    }

    private static func scalarText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s): s
        case .integer(let i): String(i)
        case .double(let d): String(d)
        default: nil
        }
    }

    private struct PerFeature: Sendable {
        var problems: [GeometryProblem] = []
        var measure: FeatureMeasure?
        var failure: String?
    }

    /// Validity, repair and measures for every feature, in parallel chunks.
    /// Each worker thread uses its own GEOS context (the GEOS module keeps one per thread).
    private static func measureAll(_ features: [Feature], fileName: String, threads: Int, measures: Bool) throws -> [PerFeature] {
        let all = ParallelRanges.map(count: features.count, threads: threads, minimumChunk: 1) { i in
            inspectFeature(features[i], index: i, measures: measures)
        }
        if let i = all.firstIndex(where: { $0.failure != nil }) {
            throw InputError.geometry(
                file: fileName, featureIndex: i, featureID: features[i].id?.description, message: all[i].failure!)
        }
        return all
    }

    private static func inspectFeature(_ feature: Feature, index: Int, measures: Bool) -> PerFeature {
        var out = PerFeature()
        guard let geometry = feature.geometry else { return out }
        let label = label(of: feature, index: index)
        let repeats = RepeatedVertices.count(in: geometry)
        if repeats > 0 {
            out.problems.append(GeometryProblem(
                kind: .repeatedVertices, featureIndex: index, featureLabel: label,
                reason: "\(repeats) repeated consecutive vertices", location: RepeatedVertices.first(in: geometry),
                dropped: []))
        }
        do {
            var measured = geometry
            switch geometry {
            case .point, .multiPoint:
                break
            default:
                let handle = try GeometryHandle(geometry)
                if let problem = try handle.validityProblem() {
                    var dropped: [String] = []
                    if geometry.isPolygonal || !geometry.polygons.isEmpty {
                        let repair = try handle.makeValidPolygonal()
                        measured = repair.polygonal ?? .geometryCollection([])
                        dropped = repair.droppedTypes
                    } else {
                        measured = try handle.makeValid().geometry()
                    }
                    out.problems.append(GeometryProblem(
                        kind: .invalid, featureIndex: index, featureLabel: label, reason: problem.reason,
                        location: problem.location, dropped: dropped))
                }
            }
            guard measures else { return out }
            out.measure = FeatureMeasure(
                featureIndex: index, featureLabel: label,
                area: Geodesic.grs80.area(of: measured), length: lineLength(measured))
        } catch {
            out.failure = String(describing: error)
        }
        return out
    }

    private static func lineLength(_ geometry: Geometry) -> Double {
        switch geometry {
        case .lineString(let s): Geodesic.grs80.length(of: s)
        case .multiLineString(let ss): ss.reduce(0) { $0 + Geodesic.grs80.length(of: $1) }
        case .geometryCollection(let gs): gs.reduce(0) { $0 + lineLength($1) }
        default: 0
        }
    }
}

/// Detection of consecutive repeated vertices, which GEOS accepts as valid but
/// which web-map data is full of (docs/dataset.md asks for them to be reported).
public enum RepeatedVertices {
    public static func count(in geometry: Geometry) -> Int {
        var n = 0
        geometry.forEachSequence { s in
            guard s.count > 1 else { return }
            for i in 1..<s.count where isRepeat(s, i) { n += 1 }
        }
        return n
    }

    public static func first(in geometry: Geometry) -> Position? {
        var found: Position?
        geometry.forEachSequence { s in
            guard found == nil, s.count > 1 else { return }
            for i in 1..<s.count where isRepeat(s, i) {
                found = s[i]
                return
            }
        }
        return found
    }

    /// A copy without consecutive repeats (rings stay closed).
    public static func removed(from geometry: Geometry) -> Geometry {
        geometry.mapSequences { s in
            guard s.count > 1 else { return s }
            let d = s.dimension
            var out: [Double] = []
            out.reserveCapacity(s.storage.count)
            for k in 0..<d { out.append(s.storage[k]) }
            for i in 1..<s.count where !isRepeat(s, i) {
                for k in 0..<d { out.append(s.storage[i * d + k]) }
            }
            return CoordinateSequence(storage: out, hasZ: s.hasZ)
        }
    }

    @inline(__always)
    static func isRepeat(_ s: CoordinateSequence, _ i: Int) -> Bool {
        s.x(i) == s.x(i - 1) && s.y(i) == s.y(i - 1)
    }
}
