import GeoCore
import LayoutAnalysis
import LayoutIO
import LayoutModel

/// Rendering of `FileSummary` as a table and as stable JSON.
public enum InfoReport {
    public static func table(_ s: FileSummary) -> String {
        var out = "\(s.path)\n"
        func row(_ k: String, _ v: String) { out += "  " + k.padding(toLength: max(16, k.count + 2), withPad: " ", startingAt: 0) + v + "\n" }
        row("format", formatName(s))
        row("features", String(s.featureCount))
        row("geometry", s.geometryTypes.map { "\($0.type) \($0.count)" }.joined(separator: ", ") + (s.hasZ ? " (with Z)" : ""))
        if let b = s.boundingBox {
            row(s.coordinatesOutOfLonLatRange ? "bbox" : "bbox (lon/lat)", [b.minX, b.minY, b.maxX, b.maxY].map { NumberText.fixed($0, decimals: 6) }.joined(separator: ", "))
        }
        row("crs", crsText(s))
        if let warning = coordinateWarning(s) { out += "  WARNING: " + warning + "\n" }
        let invalid = s.geometryProblems.filter { $0.kind == .invalid }
        let repeats = s.geometryProblems.filter { $0.kind == .repeatedVertices }
        row("invalid", invalid.isEmpty ? "none" : "\(invalid.count) of \(s.featureCount) (repaired with GEOS make-valid)")
        for p in invalid {
            var line = "    #\(p.featureIndex) \(p.featureLabel): \(p.reason)"
            if let l = p.location { line += " at (\(NumberText.fixed(l.x, decimals: 6)), \(NumberText.fixed(l.y, decimals: 6)))" }
            if !p.dropped.isEmpty { line += "; dropped \(p.dropped.joined(separator: ", ")) from the repair" }
            out += line + "\n"
        }
        if !repeats.isEmpty {
            row("repeated", "\(Plural.count(repeats.count, "feature")) with repeated consecutive vertices (removed on load)")
            for p in repeats { out += "    #\(p.featureIndex) \(p.featureLabel): \(p.reason)\n" }
        }
        row("properties", s.properties.isEmpty ? "none" : "")
        if !s.properties.isEmpty {
            var t = TextTable(headers: ["key", "present", "types"])
            t.rightAligned = [1]
            for p in s.properties {
                t.rows.append([p.key, String(p.present), p.types.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")])
            }
            out += t.render(indent: "    ")
        }
        let areal = s.measures.filter { $0.area > 0 }
        if !areal.isEmpty {
            out += "  ellipsoidal area (GRS80)\n"
            var t = TextTable(headers: ["#", "feature", "km²", "ha"])
            t.rightAligned = [0, 2, 3]
            for m in areal.prefix(50) {
                t.rows.append([String(m.featureIndex), m.featureLabel,
                               NumberText.grouped(m.area / 1e6, decimals: 2), NumberText.grouped(m.area / 1e4, decimals: 1)])
            }
            if areal.count > 50 { t.rows.append(["…", "\(areal.count - 50) more", "", ""]) }
            t.rows.append(["", "total", NumberText.grouped(s.totalArea / 1e6, decimals: 2), NumberText.grouped(s.totalArea / 1e4, decimals: 1)])
            out += t.render(indent: "    ")
        }
        if s.totalLength > 0 {
            row("length (GRS80)", NumberText.grouped(s.totalLength / 1000, decimals: 3) + " km")
        }
        return out
    }

    /// CSV: one row per file with its summary figures.
    public static func csv(_ summaries: [FileSummary]) -> String {
        CSVText.table(
            header: ["path", "format", "bytes", "features", "geometry_types", "min_lon", "min_lat", "max_lon", "max_lat", "declared_crs",
                     "invalid", "repeated_vertices", "total_area_m2", "total_length_m", "warning"],
            rows: summaries.map { s in
                let b = s.boundingBox
                return [
                    s.path, s.format == .document ? "document" : s.format == .newlineDelimited ? "newline_delimited" : "text_sequence",
                    String(s.byteCount), String(s.featureCount), s.geometryTypes.map { "\($0.type) \($0.count)" }.joined(separator: "; "),
                    CSVText.number(b?.minX), CSVText.number(b?.minY), CSVText.number(b?.maxX), CSVText.number(b?.maxY),
                    s.declaredCRS ?? "", String(s.geometryProblems.count(where: { $0.kind == .invalid })),
                    String(s.geometryProblems.count(where: { $0.kind == .repeatedVertices })),
                    s.coordinatesOutOfLonLatRange ? "" : CSVText.number(s.totalArea),
                    s.coordinatesOutOfLonLatRange ? "" : CSVText.number(s.totalLength), coordinateWarning(s) ?? "",
                ]
            })
    }

    public static func formatName(_ s: FileSummary) -> String {
        let size = NumberText.grouped(Double(s.byteCount) / 1_048_576, decimals: 1) + " MiB"
        switch s.format {
        case .document: return "GeoJSON document, \(size)"
        case .newlineDelimited: return "newline-delimited GeoJSON, \(size)"
        case .textSequence: return "GeoJSON text sequence (RFC 8142), \(size)"
        }
    }

    /// Projected metres without a `crs` member: said once, with the command that fixes it.
    public static func coordinateWarning(_ s: FileSummary) -> String? {
        guard s.coordinatesOutOfLonLatRange, let b = s.boundingBox else { return nil }
        let extent = [b.minX, b.minY, b.maxX, b.maxY].map { NumberText.fixed($0, decimals: 0) }.joined(separator: ", ")
        return "the coordinates (extent \(extent)) are outside the longitude/latitude range and no crs member declares "
            + "their system: they look projected (metres). Areas are not measured. Reproject with "
            + "`parkatlas convert \(s.path) OUT.geojson --from EPSG:XXXX --to EPSG:4326` (e.g. EPSG:4544 for the "
            + "CGCS2000 3° Gauss-Krüger zone of central meridian 105°E), or add the crs member to the file."
    }

    public static func crsText(_ s: FileSummary) -> String {
        if s.coordinatesOutOfLonLatRange && (s.declaredCRS.map(LonLatInput.isLonLatName) ?? true) {
            return (s.declaredCRS.map { "\($0) declared, but " } ?? "none declared; ") + "the coordinates are NOT longitude/latitude"
        }
        var text: String
        if let declared = s.declaredCRS {
            text = LonLatInput.isLonLatName(declared)
                ? "\(declared) declared (longitude/latitude)"
                : "\(declared) declared; reprojected to longitude/latitude (WGS84) with PROJ"
        } else {
            text = "longitude/latitude (RFC 7946; no crs member)"
        }
        if s.datum != .wgs84 { text += "; converted from \(s.datum) to WGS84" }
        return text
    }

    public static func json(_ s: FileSummary) -> JSONValue {
        var o: JSONObject = [:]
        o["path"] = .string(s.path)
        o["format"] = .string(s.format == .document ? "document" : s.format == .newlineDelimited ? "newline_delimited" : "text_sequence")
        o["bytes"] = .integer(Int64(s.byteCount))
        o["feature_count"] = .integer(Int64(s.featureCount))
        o["geometry_types"] = .object(JSONObject(members: s.geometryTypes.map { .init(key: $0.type, value: .integer(Int64($0.count))) }))
        o["bbox"] = s.boundingBox.map { b in .array([b.minX, b.minY, b.maxX, b.maxY].map(JSONValue.double)) } ?? .null
        o["declared_crs"] = s.declaredCRS.map(JSONValue.string) ?? .null
        o["coordinates_out_of_lon_lat_range"] = .bool(s.coordinatesOutOfLonLatRange)
        o["warning"] = coordinateWarning(s).map(JSONValue.string) ?? .null
        o["datum"] = .string(s.datum.rawValue)
        o["has_z"] = .bool(s.hasZ)
        o["properties"] = .array(s.properties.map { p in
            .object([
                "key": .string(p.key), "present": .integer(Int64(p.present)),
                "types": .object(JSONObject(members: p.types.sorted { $0.key < $1.key }.map { .init(key: $0.key, value: .integer(Int64($0.value))) })),
            ])
        })
        o["geometry_problems"] = .array(s.geometryProblems.map { p in
            .object([
                "kind": .string(p.kind.rawValue), "index": .integer(Int64(p.featureIndex)), "feature": .string(p.featureLabel),
                "reason": .string(p.reason),
                "location": p.location.map { .array([.double($0.x), .double($0.y)]) } ?? .null,
                "dropped": .array(p.dropped.map(JSONValue.string)),
            ])
        })
        o["features"] = .array(s.measures.map { m in
            .object([
                "index": .integer(Int64(m.featureIndex)), "feature": .string(m.featureLabel),
                "area_m2": .double(m.area), "length_m": .double(m.length),
            ])
        })
        o["total_area_m2"] = .double(s.totalArea)
        o["total_length_m"] = .double(s.totalLength)
        o["area_method"] = .string("ellipsoidal, GRS80 (PROJ geod_polygonarea), repaired geometry")
        return .object(o)
    }
}
