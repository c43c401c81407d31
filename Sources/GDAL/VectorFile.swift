import Foundation

/// Opening a vector file the way ParkAtlas reads it: the format by extension,
/// a Shapefile's companions checked and its text encoding settled.
public enum VectorFile {
    /// How the text of a Shapefile's DBF was decoded.
    public enum EncodingSource: Sendable, Hashable {
        /// The `.cpg` named it (GDAL honours it).
        case cpg(String)
        /// Given by the caller.
        case given(String)
        /// No `.cpg`: the records are valid UTF-8.
        case detectedUTF8
        /// No `.cpg`: the records are not valid UTF-8, read as GB18030 (a superset of GBK and GB2312).
        case detectedGB18030
        /// Not a Shapefile.
        case notApplicable
    }

    /// Opens `path` read-only. For a Shapefile: a missing `.shx` or `.dbf` is an error
    /// (GDAL would otherwise open it without attributes or refuse with a vague message);
    /// the text encoding is the `.cpg`'s, else `encoding`, else detected (valid UTF-8 is
    /// UTF-8, else GB18030).
    public static func open(_ path: String, encoding: String? = nil) throws(GDALError) -> (VectorDataset, EncodingSource) {
        let format = VectorFormat(path: path)
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .cannotOpen(path: path, message: "no such file")
        }
        guard format == .shapefile else {
            let dataset = try VectorDataset.open(path, drivers: format.map { [$0.driver] })
            return (dataset, .notApplicable)
        }
        let shx = try companion(path, "shx", reason: "it holds the index of the shapes; without it the geometries cannot be read")
        _ = shx
        let dbf = try companion(path, "dbf", reason: "it holds the attributes; without it no field can be read")
        var options: [(String, String)] = []
        let source: EncodingSource
        if let cpg = existingCompanion(path, "cpg"), let text = try? String(contentsOfFile: cpg, encoding: .utf8) {
            source = .cpg(text.trimmingCharacters(in: .whitespacesAndNewlines))
        } else if let encoding {
            options.append(("ENCODING", encoding))
            source = .given(encoding)
        } else if dbfRecordsAreUTF8(dbf) {
            options.append(("ENCODING", "UTF-8"))
            source = .detectedUTF8
        } else {
            options.append(("ENCODING", "GB18030"))
            source = .detectedGB18030
        }
        let dataset = try VectorDataset.open(path, openOptions: options, drivers: ["ESRI Shapefile"])
        return (dataset, source)
    }

    /// The companion of a Shapefile with the extension in either case, or nil.
    public static func existingCompanion(_ path: String, _ ext: String) -> String? {
        let stem = (path as NSString).deletingPathExtension
        for candidate in [stem + "." + ext, stem + "." + ext.uppercased()] where FileManager.default.fileExists(atPath: candidate) {
            return candidate
        }
        return nil
    }

    static func companion(_ path: String, _ ext: String, reason: String) throws(GDALError) -> String {
        guard let found = existingCompanion(path, ext) else {
            let name = ((path as NSString).deletingPathExtension as NSString).lastPathComponent + "." + ext
            throw .missingCompanion(path: path, companion: name, reason: reason)
        }
        return found
    }

    /// Whether the records of a DBF file (after its header) are valid UTF-8.
    /// Pure ASCII counts as UTF-8.
    public static func dbfRecordsAreUTF8(_ dbfPath: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: dbfPath), data.count >= 32 else { return true }
        let headerLength = Int(data[8]) | Int(data[9]) << 8
        guard headerLength < data.count else { return true }
        let records = data[data.startIndex + headerLength ..< data.endIndex]
        return String(validating: records, as: UTF8.self) != nil
    }
}
