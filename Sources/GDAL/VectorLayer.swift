import CGDAL
import GeoCore

/// The type of an attribute field (`OGRFieldType` with its subtype).
public struct FieldDefinition: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case integer, integer64, real, string, date, time, dateTime, binary
        case integerList, integer64List, realList, stringList
        case other
    }
    public enum Subtype: String, Sendable, Hashable {
        case none, boolean, int16, float32, json, uuid
    }

    public var name: String
    public var kind: Kind
    public var subtype: Subtype
    /// Width declared by the format (Shapefile/DBF), 0 when none.
    public var width: Int

    public init(name: String, kind: Kind, subtype: Subtype = .none, width: Int = 0) {
        self.name = name
        self.kind = kind
        self.subtype = subtype
        self.width = width
    }
}

/// The coordinate reference system of a layer, as a Sendable value.
public struct LayerCRS: Sendable, Hashable {
    /// WKT2:2019 of the layer's SRS.
    public var wkt: String
    /// The EPSG code when GDAL identifies one (`OSRAutoIdentifyEPSG` on a copy).
    public var epsg: Int?
    public var name: String
    public var isProjected: Bool
    public var isGeographic: Bool

    /// What the PROJ module should be given: `"EPSG:n"` when known, else the WKT.
    public var definition: String { epsg.map { "EPSG:\($0)" } ?? wkt }
}

/// What `VectorLayer.readFeatures(_:)` returns.
public struct LayerContents: Sendable {
    /// One `Feature` per OGR feature, in layer order: `id` is the FID, `properties`
    /// the attribute fields in schema order (dates as ISO strings, nulls as `.null`).
    public var features: [Feature]
    /// The attribute fields.
    public var fields: [FieldDefinition]
    /// The layer's CRS, nil when it has none.
    public var crs: LayerCRS?
    /// Warnings GDAL emitted while reading (e.g. a record it could not parse).
    public var warnings: [String]
}

/// A layer of a `VectorDataset`. The `OGRLayerH` belongs to the dataset (GDAL
/// frees it with the dataset); this object keeps the dataset alive.
public final class VectorLayer {
    let pointer: OGRLayerH
    public let dataset: VectorDataset

    init(pointer: OGRLayerH, dataset: VectorDataset) {
        self.pointer = pointer
        self.dataset = dataset
    }

    public var name: String { String(cString: OGR_L_GetName(pointer)) }
    public var path: String { dataset.path }

    /// Number of features (`OGR_L_GetFeatureCount`, forced), honouring an attribute filter.
    public var featureCount: Int { Int(OGR_L_GetFeatureCount(pointer, 1)) }

    /// The geometry type name, e.g. `"Multi Polygon"`, `"None"` for a table.
    public var geometryTypeName: String { String(cString: OGRGeometryTypeToName(OGR_L_GetGeomType(pointer))) }

    /// Whether the layer has a geometry column.
    public var hasGeometry: Bool { OGR_FD_GetGeomFieldCount(OGR_L_GetLayerDefn(pointer)) > 0 }

    /// The attribute fields, in schema order.
    public var fields: [FieldDefinition] {
        let defn = OGR_L_GetLayerDefn(pointer)
        return (0..<Int(OGR_FD_GetFieldCount(defn))).map { i in
            let fd = OGR_FD_GetFieldDefn(defn, Int32(i))
            return FieldDefinition(
                name: String(cString: OGR_Fld_GetNameRef(fd)), kind: Self.kind(OGR_Fld_GetType(fd)),
                subtype: Self.subtype(OGR_Fld_GetSubType(fd)), width: Int(OGR_Fld_GetWidth(fd)))
        }
    }

    /// The layer's CRS, nil when it has none.
    public var crs: LayerCRS? {
        guard let srs = OGR_L_GetSpatialRef(pointer) else { return nil }
        return Self.describe(srs)
    }

    /// Keeps only features matching an OGR SQL `where` clause (`OGR_L_SetAttributeFilter`); nil clears it.
    public func setAttributeFilter(_ whereClause: String?) throws(GDALError) {
        GDALCall.reset()
        guard OGR_L_SetAttributeFilter(pointer, whereClause) == OGRERR_NONE else {
            throw .library(operation: "OGR_L_SetAttributeFilter(\(whereClause ?? ""))", path: path, message: GDALCall.message())
        }
    }

    /// Restarts reading and opens the layer's Arrow C stream (FIDs included) in batches of
    /// `batchSize` rows; the owner releases the stream.
    private func openArrowStream(batchSize: Int) throws(GDALError) -> ArrowStreamOwner {
        GDALCall.reset()
        OGR_L_ResetReading(pointer)
        let owner = ArrowStreamOwner(layer: self)
        let ok = withOptionList([("INCLUDE_FID", "YES"), ("MAX_FEATURES_IN_BATCH", String(batchSize))]) {
            OGR_L_GetArrowStream(pointer, owner.stream, $0)
        }
        guard ok else { throw .library(operation: "OGR_L_GetArrowStream", path: path, message: GDALCall.message()) }
        return owner
    }

    /// Reads every feature (after the attribute filter) in bulk through the Arrow C stream.
    public func readFeatures(batchSize: Int = 65_536) throws(GDALError) -> LayerContents {
        let schema = fields
        let layerCRS = crs
        let owner = try openArrowStream(batchSize: batchSize)
        var reader = ArrowBatchReader(path: path, layer: name)
        try reader.read(owner)
        var features = reader.features
        // Curves (FileGDB, DXF arcs, GeoPackage CurvePolygons): ask GDAL for a linear approximation.
        for (index, fid) in reader.curvedFeatures {
            features[index].geometry = try linearGeometry(fid: fid)
        }
        try rereadBooleans(schema, into: &features)
        return LayerContents(features: features, fields: schema, crs: layerCRS, warnings: GDALCall.warnings())
    }

    /// Hands every record batch of the layer (after the attribute filter) to `body`, column by
    /// column, in layer order: for consumers that decode columns straight into their own model
    /// instead of building a `Feature` per row. Returns false, having handed over only part of
    /// the layer or nothing, when the batches cannot stand for the layer as `readFeatures()` reads
    /// it: a boolean field (GDAL 3.6's stream sets its bits wrongly, see `rereadBooleans`) or a
    /// curved geometry (linearised feature by feature). The caller then uses `readFeatures()`.
    public func forEachBatch(batchSize: Int = 65_536, _ body: @escaping (FeatureBatch) -> Void) throws(GDALError) -> Bool {
        if fields.contains(where: { $0.subtype == .boolean && $0.kind == .integer }) { return false }
        let owner = try openArrowStream(batchSize: batchSize)
        var reader = ArrowBatchReader(path: path, layer: name, onBatch: body)
        try reader.read(owner)
        return !reader.sawCurves
    }

    /// GDAL 3.6's generic Arrow stream sets the wrong bits of boolean columns (a boolean at row i
    /// lands at bit i/8), so boolean fields are read again feature by feature, one call per value.
    /// Rows come in the same order as the stream's (same layer, same filter).
    private func rereadBooleans(_ schema: [FieldDefinition], into features: inout [Feature]) throws(GDALError) {
        let booleans = schema.enumerated().filter { $0.element.subtype == .boolean && $0.element.kind == .integer }
        guard !booleans.isEmpty, !features.isEmpty else { return }
        GDALCall.reset()
        OGR_L_ResetReading(pointer)
        var row = 0
        while let raw = OGR_L_GetNextFeature(pointer) {
            let feature = FeatureOwner(taking: raw)
            guard row < features.count else { break }
            for (index, field) in booleans {
                let i = Int32(index)
                features[row].properties?[field.name] = OGR_F_IsFieldSetAndNotNull(feature.pointer, i) != 0
                    ? .bool(OGR_F_GetFieldAsInteger(feature.pointer, i) != 0) : .null
            }
            row += 1
        }
        guard row == features.count else {
            throw .library(operation: "OGR_L_GetNextFeature", path: path, message: "read \(row) features, the Arrow stream gave \(features.count)")
        }
    }

    /// One feature's geometry, curves approximated by line segments (`OGR_G_GetLinearGeometry`).
    func linearGeometry(fid: Int64) throws(GDALError) -> Geometry? {
        GDALCall.reset()
        guard let raw = OGR_L_GetFeature(pointer, fid) else {
            throw .badGeometry(path: path, layer: name, fid: fid, message: GDALCall.message())
        }
        let feature = FeatureOwner(taking: raw)
        guard let ref = OGR_F_GetGeometryRef(feature.pointer) else { return nil }
        guard let linear = OGR_G_GetLinearGeometry(ref, 0, nil) else {
            throw .badGeometry(path: path, layer: name, fid: fid, message: GDALCall.message())
        }
        let geometry = GeometryOwner(taking: linear)
        let size = Int(OGR_G_WkbSize(linear))
        var bytes = [UInt8](repeating: 0, count: size)
        guard OGR_G_ExportToIsoWkb(linear, wkbNDR, &bytes) == OGRERR_NONE else {
            throw .badGeometry(path: path, layer: name, fid: fid, message: GDALCall.message())
        }
        withExtendedLifetime(geometry) {}
        do {
            return try WKB.decode(bytes)
        } catch {
            throw .badGeometry(path: path, layer: name, fid: fid, message: error.description)
        }
    }

    static func describe(_ srs: OGRSpatialReferenceH) -> LayerCRS? {
        // A copy: OSRAutoIdentifyEPSG may add an authority to the SRS it is given.
        guard let clone = OSRClone(srs) else { return nil }
        let owner = SpatialReferenceOwner(taking: clone)
        var wkt = ""
        var out: UnsafeMutablePointer<CChar>?
        withConstOptionList([("FORMAT", "WKT2_2019")]) { options in
            _ = OSRExportToWktEx(owner.pointer, &out, options)
        }
        if let out {
            wkt = String(cString: out)
            VSIFree(out)
        }
        _ = OSRAutoIdentifyEPSG(owner.pointer)
        var epsg: Int?
        if let auth = OSRGetAuthorityName(owner.pointer, nil), String(cString: auth) == "EPSG",
           let code = OSRGetAuthorityCode(owner.pointer, nil) {
            epsg = Int(String(cString: code))
        }
        let name = OSRGetName(owner.pointer).map { String(cString: $0) } ?? ""
        return LayerCRS(
            wkt: wkt, epsg: epsg, name: name, isProjected: OSRIsProjected(owner.pointer) != 0,
            isGeographic: OSRIsGeographic(owner.pointer) != 0)
    }

    static func kind(_ type: OGRFieldType) -> FieldDefinition.Kind {
        switch type {
        case OFTInteger: .integer
        case OFTInteger64: .integer64
        case OFTReal: .real
        case OFTString: .string
        case OFTDate: .date
        case OFTTime: .time
        case OFTDateTime: .dateTime
        case OFTBinary: .binary
        case OFTIntegerList: .integerList
        case OFTInteger64List: .integer64List
        case OFTRealList: .realList
        case OFTStringList: .stringList
        default: .other
        }
    }

    static func subtype(_ type: OGRFieldSubType) -> FieldDefinition.Subtype {
        switch type {
        case OFSTBoolean: .boolean
        case OFSTInt16: .int16
        case OFSTFloat32: .float32
        case OFSTJSON: .json
        case OFSTUUID: .uuid
        default: .none
        }
    }
}
