import GeoCore

/// The GeoJSON 2008 `crs` member, which RFC 7946 removed but which Chinese
/// survey data (CGCS2000 Gauss-Krüger, EPSG:4513–4554) still carries.
///
/// Recognised names (the `"name"` CRS type only; linked CRSs are not):
/// `urn:ogc:def:crs:EPSG::4544`, `urn:ogc:def:crs:EPSG:8.5:4544`, `EPSG:4544`,
/// `http(s)://www.opengis.net/def/crs/EPSG/0/4544` → `"EPSG:4544"`;
/// `urn:ogc:def:crs:OGC:1.3:CRS84`, `urn:ogc:def:crs:OGC::CRS84`, `OGC:CRS84`,
/// `CRS84`, `http(s)://www.opengis.net/def/crs/OGC/1.3/CRS84` → `"OGC:CRS84"`.
/// Matching ignores ASCII case.
public enum LegacyCRS {
    /// The normalised name of a `crs` member value, or nil when unrecognised.
    public static func normalizedName(fromMember value: JSONValue) -> String? {
        guard let object = value.objectValue,
            object["type"]?.stringValue?.lowercased() == "name",
            let name = object["properties"]?.objectValue?["name"]?.stringValue
        else { return nil }
        return normalizedName(name)
    }

    /// Normalises one CRS name (`"urn:ogc:def:crs:EPSG::4544"` → `"EPSG:4544"`), or nil.
    public static func normalizedName(_ name: String) -> String? {
        let lower = name.trimmingASCIISpaces().lowercased()
        let crs84Names = [
            "urn:ogc:def:crs:ogc:1.3:crs84", "urn:ogc:def:crs:ogc::crs84", "ogc:crs84", "crs84",
            "http://www.opengis.net/def/crs/ogc/1.3/crs84", "https://www.opengis.net/def/crs/ogc/1.3/crs84",
        ]
        if crs84Names.contains(lower) { return "OGC:CRS84" }
        let epsgPrefixes = [
            "urn:ogc:def:crs:epsg:", "http://www.opengis.net/def/crs/epsg/", "https://www.opengis.net/def/crs/epsg/", "epsg:",
        ]
        for prefix in epsgPrefixes where lower.hasPrefix(prefix) {
            // What follows is "<version>:<code>", ":<code>" or "<version>/<code>";
            // the code is the last run of digits.
            let rest = lower.dropFirst(prefix.count)
            let code = rest.split(whereSeparator: { $0 == ":" || $0 == "/" }).last.map(String.init) ?? ""
            guard !code.isEmpty, code.count <= 9, code.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(code) else {
                return nil
            }
            return "EPSG:\(n)"
        }
        return nil
    }

    /// The `crs` member written for a normalised name: the OGC URN form that
    /// GDAL and QGIS read (`urn:ogc:def:crs:EPSG::4544`).
    public static func member(forNormalizedName name: String) -> JSONValue {
        let urn: String
        if name == "OGC:CRS84" {
            urn = "urn:ogc:def:crs:OGC:1.3:CRS84"
        } else if name.hasPrefix("EPSG:") {
            urn = "urn:ogc:def:crs:EPSG::" + name.dropFirst(5)
        } else {
            urn = name
        }
        return .object(["type": .string("name"), "properties": .object(["name": .string(urn)])])
    }
}

extension String {
    func trimmingASCIISpaces() -> String {
        var scalars = Substring(self)
        while let f = scalars.first, f == " " || f == "\t" || f == "\n" || f == "\r" { scalars.removeFirst() }
        while let l = scalars.last, l == " " || l == "\t" || l == "\n" || l == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}
