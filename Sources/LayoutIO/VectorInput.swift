import Foundation
import GDAL
import GEOS
import GeoCore
import PROJ

/// A layer of a Shapefile, GeoPackage, FileGDB, FlatGeobuf, CSV/XLSX or DXF
/// file, read through GDAL and normalised to longitude/latitude on WGS84.
public struct VectorInputLayer: Sendable {
    /// The features, lon/lat; `id` is the FID, properties every field (dates as ISO text).
    public var collection: FeatureCollection
    /// The layer read.
    public var layer: String
    /// The attribute fields as GDAL describes them.
    public var fields: [FieldDefinition]
    /// The CRS the coordinates were in: the layer's (`EPSG:n` or WKT) or the one given; nil for a table.
    public var sourceCRS: String?
    /// Whether coordinates were reprojected or converted from a web-map datum.
    public var wasTransformed: Bool
    /// How a Shapefile's text was decoded.
    public var encoding: VectorFile.EncodingSource
}

/// Reading options (the per-layer settings of docs/import.md's mapping file).
public struct VectorInputOptions: Sendable {
    /// Where the point of each row of a table comes from.
    public enum Points: Sendable, Hashable {
        /// Two coordinate columns (numbers, or text holding numbers).
        case columns(x: String, y: String)
        /// A column of WKT text.
        case wkt(String)
    }

    /// The layer; may be left out when the file has one.
    public var layer: String?
    /// An OGR SQL attribute filter.
    public var whereClause: String?
    /// A Shapefile's text encoding when it has no `.cpg` (default: detect).
    public var encoding: String?
    /// The CRS of the coordinates when the layer declares none (required then).
    public var crs: String?
    /// For tables (CSV, XLSX): build point geometries from columns.
    public var points: Points?
    /// The web-map datum of the coordinates (GCJ-02, BD-09), converted to WGS84 after any reprojection.
    public var datum: Datum

    public init(layer: String? = nil, whereClause: String? = nil, encoding: String? = nil, crs: String? = nil,
                points: Points? = nil, datum: Datum = .wgs84) {
        self.layer = layer
        self.whereClause = whereClause
        self.encoding = encoding
        self.crs = crs
        self.points = points
        self.datum = datum
    }
}

public enum VectorInput {
    /// Whether `path` is read through GDAL (not GeoJSON).
    public static func handles(_ path: String) -> Bool { VectorFormat(path: path) != nil }

    /// Reads one layer of `path` into lon/lat WGS84.
    /// - Throws: `InputError.vector` naming file, layer, FID and field; `InputError.unknownCRS`
    ///   when the layer has no CRS and none was given; `InputError.reprojection`.
    public static func read(path: String, options: VectorInputOptions = VectorInputOptions()) throws -> VectorInputLayer {
        do {
            let (dataset, encoding) = try VectorFile.open(path, encoding: options.encoding)
            let layer = try choose(options.layer, in: dataset, path: path)
            if let clause = options.whereClause { try layer.setAttributeFilter(clause) }
            let contents = try layer.readFeatures()
            return try normalise(contents, path: path, layer: layer.name, format: VectorFormat(path: path),
                                 options: options, encoding: encoding)
        } catch let error as GDALError {
            throw InputError.vector(error)
        }
    }

    /// One layer of `path` as stored, for `convert`: coordinates in the layer's own CRS (not
    /// reprojected), DXF closed polylines as polygons. `crs` is the layer's (`EPSG:n` or WKT),
    /// nil when it declares none. `layer` may be left out when the file has one layer.
    /// - Throws: `InputError.vector` naming the file, and the layers when one must be chosen.
    public static func readAsStored(path: String, layer: String? = nil) throws -> (collection: FeatureCollection, crs: String?, layer: String) {
        do {
            let (dataset, _) = try VectorFile.open(path)
            let chosen = try choose(layer, in: dataset, path: path)
            let contents = try chosen.readFeatures()
            var features = contents.features
            if VectorFormat(path: path) == .dxf {
                for i in features.indices { features[i].geometry = features[i].geometry.map(closedLinesAsPolygons) }
            }
            return (FeatureCollection(features: features), contents.crs?.definition, chosen.name)
        } catch let error as GDALError {
            throw InputError.vector(error)
        }
    }

    /// The named layer, or the only one.
    static func choose(_ name: String?, in dataset: VectorDataset, path: String) throws -> VectorLayer {
        if let name { return try dataset.layer(named: name) }
        if dataset.layerCount == 1 { return try dataset.layer(at: 0) }
        throw GDALError.noSuchLayer(
            path: path, layer: "(none given: the file has \(dataset.layerCount) layers, choose one)",
            available: dataset.layerNames)
    }

    /// Geometry from columns, DXF closed lines as polygons, then CRS and datum.
    static func normalise(
        _ contents: LayerContents, path: String, layer: String, format: VectorFormat?,
        options: VectorInputOptions, encoding: VectorFile.EncodingSource
    ) throws -> VectorInputLayer {
        var features = contents.features
        if let points = options.points {
            for i in features.indices { features[i].geometry = try point(features[i], points, path: path, layer: layer) }
        }
        if format == .dxf {
            for i in features.indices { features[i].geometry = features[i].geometry.map(closedLinesAsPolygons) }
        }
        var collection = FeatureCollection(features: features)
        let hasGeometry = features.contains { $0.geometry != nil }
        let source = contents.crs?.definition ?? options.crs
        var transformed = false
        if hasGeometry {
            guard let source else {
                throw InputError.vector(.unknownCRS(
                    path: path, layer: layer,
                    message: format == .shapefile
                        ? "the Shapefile has no .prj and no CRS was given"
                        : "the layer declares no coordinate reference system and none was given"))
            }
            if !isLonLat(contents.crs, given: source) {
                collection = try LonLatInput.reproject(collection, from: source, to: .wgs84, fileName: "\(path) layer \(layer)")
                transformed = true
            }
            if options.datum != .wgs84 {
                for i in collection.features.indices {
                    collection.features[i].geometry = collection.features[i].geometry.map { options.datum.toWGS84($0) }
                }
                transformed = true
            }
        }
        return VectorInputLayer(
            collection: collection, layer: layer, fields: contents.fields, sourceCRS: hasGeometry ? source : nil,
            wasTransformed: transformed, encoding: encoding)
    }

    /// Lon/lat on WGS84 or CGCS2000 (the same to centimetres, docs/dataset.md): no reprojection.
    static func isLonLat(_ crs: LayerCRS?, given: String) -> Bool {
        if let crs {
            if let code = crs.epsg { return [4326, 4490, 4979, 4480].contains(code) }
            return false
        }
        return LonLatInput.isLonLatName(given.uppercased()) || given.lowercased() == "wgs84"
    }

    static func point(_ feature: Feature, _ points: VectorInputOptions.Points, path: String, layer: String) throws -> Geometry? {
        let fid: Int64? = if case .integer(let i) = feature.id { i } else { nil }
        func value(_ field: String) throws -> JSONValue? {
            guard let properties = feature.properties, let v = properties[field] else {
                let known = feature.properties?.keys.joined(separator: ", ") ?? ""
                throw InputError.vector(.badField(path: path, layer: layer, fid: fid, field: field, message: "no such column (columns: \(known))"))
            }
            return v.isNull ? nil : v
        }
        switch points {
        case .columns(let xField, let yField):
            guard let xv = try value(xField), let yv = try value(yField) else { return nil }
            let x = try number(xv, field: xField, fid: fid, path: path, layer: layer)
            let y = try number(yv, field: yField, fid: fid, path: path, layer: layer)
            guard let x, let y else { return nil }
            return .point(Position(x, y))
        case .wkt(let field):
            guard let v = try value(field) else { return nil }
            guard let text = v.stringValue, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            do {
                return try GeometryHandle(wkt: text).geometry()
            } catch {
                throw InputError.vector(.badField(path: path, layer: layer, fid: fid, field: field, message: "not WKT: \(error.description)"))
            }
        }
    }

    /// A number from a number or from text holding one ("104.73", " 104.73 "); empty text is null.
    static func number(_ v: JSONValue, field: String, fid: Int64?, path: String, layer: String) throws -> Double? {
        if let d = v.doubleValue { return d }
        if let s = v.stringValue {
            let t = s.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { return nil }
            if let d = Double(t), d.isFinite { return d }
        }
        throw InputError.vector(.badField(path: path, layer: layer, fid: fid, field: field, message: "not a number: \(v)"))
    }

    /// DXF has no polygons: a closed polyline (first = last, four positions or more) is read as one.
    static func closedLinesAsPolygons(_ g: Geometry) -> Geometry {
        switch g {
        case .lineString(let s) where s.isClosed && s.count >= 4: .polygon(Polygon(exterior: s))
        case .multiLineString(let ss) where ss.allSatisfy({ $0.isClosed && $0.count >= 4 }):
            .multiPolygon(ss.map { Polygon(exterior: $0) })
        case .geometryCollection(let gs): .geometryCollection(gs.map(closedLinesAsPolygons))
        default: g
        }
    }
}
