/// The vector formats read or written through GDAL, chosen by file extension.
public enum VectorFormat: String, Sendable, CaseIterable {
    case shapefile, geoPackage, fileGDB, flatGeobuf, csv, xlsx, dxf

    /// The format a path names by its extension (`.shp`, `.gpkg`, `.gdb`, `.fgb`, `.csv`, `.xlsx`, `.dxf`),
    /// case-insensitive, a trailing slash of a `.gdb` folder ignored; nil for anything else
    /// (GeoJSON is read and written by the project's own code).
    public init?(path: String) {
        var p = path.lowercased()
        while p.hasSuffix("/") { p.removeLast() }
        guard let dot = p.lastIndex(of: "."), !p[dot...].contains("/") else { return nil }
        switch p[p.index(after: dot)...] {
        case "shp": self = .shapefile
        case "gpkg": self = .geoPackage
        case "gdb": self = .fileGDB
        case "fgb": self = .flatGeobuf
        case "csv": self = .csv
        case "xlsx": self = .xlsx
        case "dxf": self = .dxf
        default: return nil
        }
    }

    /// The GDAL driver's short name.
    public var driver: String {
        switch self {
        case .shapefile: "ESRI Shapefile"
        case .geoPackage: "GPKG"
        case .fileGDB: "OpenFileGDB"
        case .flatGeobuf: "FlatGeobuf"
        case .csv: "CSV"
        case .xlsx: "XLSX"
        case .dxf: "DXF"
        }
    }

    /// Whether ParkAtlas writes this format (docs/import.md, "Formats").
    public var isWritable: Bool {
        switch self {
        case .shapefile, .geoPackage, .fileGDB, .flatGeobuf, .csv: true
        case .xlsx, .dxf: false
        }
    }

    /// Whether one file holds several layers.
    public var holdsSeveralLayers: Bool { self == .geoPackage || self == .fileGDB }

    /// The extensions written, for messages: ".shp, .gpkg, .gdb, .fgb, .csv".
    public static var writableExtensions: String { ".shp, .gpkg, .gdb, .fgb, .csv" }
}
