import CSQLite
import Foundation
import GeoCore

/// The spatial index of a GeoPackage layer (the `gpkg_rtree_index` extension), packed in one
/// pass (sort-tile-recursive) and written straight into SQLite's R*Tree tables, for a layer
/// GDAL wrote without one (`SPATIAL_INDEX=NO`).
///
/// Why (issue 19): GDAL 3.6 builds the index when the file is closed, one SQL insert per
/// feature (`INSERT INTO rtree SELECT fid, ST_MinX(geom), …`), each descending the tree and
/// rewriting a node: about 12 µs a feature, half of results.gpkg's time for a city of a million
/// enterprises, and two to three minutes for a province, on one thread after everything else.
/// A packed tree is made from the boxes gathered while the rows were written and stored once.
///
/// The result is what the extension defines and what GDAL writes: the virtual table
/// `rtree_<table>_<column>(id, minx, maxx, miny, maxy)` with its node, rowid and parent tables,
/// GDAL 3.6's six triggers word for word, and the `gpkg_extensions` row. SQLite's own layout is
/// kept: a node is as long as the root SQLite writes for the new table (4 + 24·51 bytes on 4 KB
/// pages: up to 51 cells of a 64-bit id and four 32-bit floats, big-endian; the root, node 1,
/// holding the depth in its first two bytes), and boxes are rounded outwards
/// to floats as SQLite rounds them. `rtreecheck()` accepts the trees (tested), and a query returns
/// the features an index built by GDAL returns.
/// Reference: SQLite R*Tree module, https://sqlite.org/rtree.html (§ "Integrity check", the
/// shadow tables); GeoPackage 1.2.1, Annex F.3 (extension_rtree).
struct GeoPackageRTree {
    /// Per written feature with a non-empty geometry: its fid and its box rounded outwards to floats.
    private(set) var ids: [Int64] = []
    private(set) var boxes: [Float] = []

    /// Most cells SQLite puts in a node (RTREE_MAXCELLS); a node of a 4 KB page is 4 + 24·51 bytes.
    /// The node size used is the one SQLite gave the new table's root (it depends on the page size).
    static let maxCellsPerNode = 51

    var count: Int { ids.count }

    mutating func add(id: Int64, box b: BoundingBox) {
        guard !b.isEmpty, b.minX.isFinite, b.maxX.isFinite, b.minY.isFinite, b.maxY.isFinite else { return }
        ids.append(id)
        boxes.append(Self.down(b.minX))
        boxes.append(Self.up(b.maxX))
        boxes.append(Self.down(b.minY))
        boxes.append(Self.up(b.maxY))
    }

    /// A float at or below d, as SQLite's rtree (and GDAL) round a box's minimum.
    static func down(_ d: Double) -> Float {
        let f = Float(d)
        return Double(f) > d ? Float(d * (d < 0 ? 1 + 1 / 8_388_608.0 : 1 - 1 / 8_388_608.0)) : f
    }

    /// A float at or above d, as SQLite's rtree (and GDAL) round a box's maximum.
    static func up(_ d: Double) -> Float {
        let f = Float(d)
        return Double(f) < d ? Float(d * (d < 0 ? 1 - 1 / 8_388_608.0 : 1 + 1 / 8_388_608.0)) : f
    }

    /// Sort-tile-recursive order of `boxes` (4 floats each: minx, maxx, miny, maxy): slices by
    /// box centre x, each sorted by centre y, so that runs of `m` in this order are the nodes.
    /// Ties keep input order: the same tree for the same input.
    private static func strOrder(_ boxes: [Float], cellsPerNode m: Int) -> [Int32] {
        let n = boxes.count / 4
        let nodes = (n + m - 1) / m
        let slices = max(1, Int(Double(nodes).squareRoot().rounded(.up)))
        let perSlice = ((nodes + slices - 1) / slices) * m
        var order = (0..<n).map { Int32($0) }
        boxes.withUnsafeBufferPointer { b in
            func cx(_ k: Int32) -> Float { (b[4 * Int(k)] + b[4 * Int(k) + 1]) / 2 }
            func cy(_ k: Int32) -> Float { (b[4 * Int(k) + 2] + b[4 * Int(k) + 3]) / 2 }
            order.sort { cx($0) != cx($1) ? cx($0) < cx($1) : $0 < $1 }
            var start = 0
            while start < n {
                let end = min(n, start + perSlice)
                order[start..<end].sort { cy($0) != cy($1) ? cy($0) < cy($1) : $0 < $1 }
                start = end
            }
        }
        return order
    }

    /// Creates the index of `table`'s `column` in the open database `db`: virtual table, packed
    /// nodes, triggers and extension row, in the caller's transaction.
    func write(table: String, column: String, fid: String, into db: OpaquePointer) throws {
        let rtree = "rtree_\(table)_\(column)"
        let q = { (name: String) in "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        try Self.exec(db, "CREATE VIRTUAL TABLE \(q(rtree)) USING rtree(id, minx, maxx, miny, maxy)")
        // No feature with a geometry: the empty root SQLite made is the whole index.
        if count > 0 {
            try writeNodes(rtree: rtree, db: db, quote: q)
        }
        try triggers(rtree: rtree, table: table, column: column, fid: fid, db: db, quote: q)
    }

    /// The levels from the leaves (the features) up to a single root, each in STR order; a
    /// level's items are the nodes of the level below. Nodes are numbered from the root (1) down,
    /// level by level; a leaf cell holds a feature's id, a parent cell its child's number.
    private func writeNodes(rtree: String, db: OpaquePointer, quote q: (String) -> String) throws {
        // The node size SQLite chose for this table: the length of the empty root it wrote.
        let size = try Statement(db, "SELECT length(data) FROM \(q(rtree + "_node")) WHERE nodeno = 1").integer()
        let nodeBytes = size ?? (4 + 24 * Self.maxCellsPerNode)
        let m = min(Self.maxCellsPerNode, (nodeBytes - 4) / 24)
        guard m >= 2 else { throw Failure(message: "unexpected R*Tree node size \(nodeBytes)") }
        var items = boxes
        var levels: [(boxes: [Float], order: [Int32])] = []
        repeat {
            let order = Self.strOrder(items, cellsPerNode: m)
            levels.append((items, order))
            let nodes = (order.count + m - 1) / m
            var parents = [Float](repeating: 0, count: 4 * nodes)
            for k in 0..<nodes {
                var b: (Float, Float, Float, Float) = (.infinity, -.infinity, .infinity, -.infinity)
                for i in order[(k * m)..<min(order.count, (k + 1) * m)] {
                    let at = 4 * Int(i)
                    b = (min(b.0, items[at]), max(b.1, items[at + 1]), min(b.2, items[at + 2]), max(b.3, items[at + 3]))
                }
                parents[4 * k] = b.0; parents[4 * k + 1] = b.1; parents[4 * k + 2] = b.2; parents[4 * k + 3] = b.3
            }
            items = parents
        } while items.count > 4
        // First node number of each level: the root level (last) is 1.
        var first = [Int64](repeating: 0, count: levels.count)
        var next: Int64 = 1
        for l in stride(from: levels.count - 1, through: 0, by: -1) {
            first[l] = next
            next += Int64((levels[l].order.count + m - 1) / m)
        }
        let node = try Statement(db, "INSERT OR REPLACE INTO \(q(rtree + "_node")) (nodeno, data) VALUES (?, ?)")
        let parent = try Statement(db, "INSERT INTO \(q(rtree + "_parent")) (nodeno, parentnode) VALUES (?, ?)")
        let rowid = try Statement(db, "INSERT INTO \(q(rtree + "_rowid")) (rowid, nodeno) VALUES (?, ?)")
        var blob = [UInt8](repeating: 0, count: nodeBytes)
        for (l, level) in levels.enumerated() {
            let nodes = (level.order.count + m - 1) / m
            for k in 0..<nodes {
                let number = first[l] + Int64(k)
                for i in blob.indices { blob[i] = 0 }
                if number == 1 { Self.put16(UInt16(levels.count - 1), &blob, at: 0) }
                let cells = level.order[(k * m)..<min(level.order.count, (k + 1) * m)]
                Self.put16(UInt16(cells.count), &blob, at: 2)
                for (c, i) in cells.enumerated() {
                    let at = 4 + 24 * c, item = Int(i)
                    let id = l == 0 ? ids[item] : first[l - 1] + Int64(item)
                    Self.put64(UInt64(bitPattern: id), &blob, at: at)
                    for d in 0..<4 { Self.put32(level.boxes[4 * item + d].bitPattern, &blob, at: at + 8 + 4 * d) }
                    if l == 0 {
                        try rowid.run(id, number)
                    } else {
                        try parent.run(id, number)
                    }
                }
                try node.run(number, blob: blob)
            }
        }
    }

    /// GDAL 3.6's triggers (GeoPackage 1.2 extension_rtree) and the extension's row.
    private func triggers(rtree: String, table: String, column: String, fid: String, db: OpaquePointer, quote q: (String) -> String) throws {
        let t = q(table), c = q(column), i = q(fid), r = q(rtree)
        let insert = "INSERT OR REPLACE INTO \(r) VALUES (NEW.\(i),ST_MinX(NEW.\(c)), ST_MaxX(NEW.\(c)),ST_MinY(NEW.\(c)), ST_MaxY(NEW.\(c)));"
        let statements = [
            "CREATE TRIGGER \(q(rtree + "_insert")) AFTER INSERT ON \(t) WHEN (new.\(c) NOT NULL AND NOT ST_IsEmpty(NEW.\(c))) BEGIN \(insert) END",
            "CREATE TRIGGER \(q(rtree + "_update1")) AFTER UPDATE OF \(c) ON \(t) WHEN OLD.\(i) = NEW.\(i) AND (NEW.\(c) NOTNULL AND NOT ST_IsEmpty(NEW.\(c))) BEGIN \(insert) END",
            "CREATE TRIGGER \(q(rtree + "_update2")) AFTER UPDATE OF \(c) ON \(t) WHEN OLD.\(i) = NEW.\(i) AND (NEW.\(c) ISNULL OR ST_IsEmpty(NEW.\(c))) BEGIN DELETE FROM \(r) WHERE id = OLD.\(i); END",
            "CREATE TRIGGER \(q(rtree + "_update3")) AFTER UPDATE ON \(t) WHEN OLD.\(i) != NEW.\(i) AND (NEW.\(c) NOTNULL AND NOT ST_IsEmpty(NEW.\(c))) BEGIN DELETE FROM \(r) WHERE id = OLD.\(i); \(insert) END",
            "CREATE TRIGGER \(q(rtree + "_update4")) AFTER UPDATE ON \(t) WHEN OLD.\(i) != NEW.\(i) AND (NEW.\(c) ISNULL OR ST_IsEmpty(NEW.\(c))) BEGIN DELETE FROM \(r) WHERE id IN (OLD.\(i), NEW.\(i)); END",
            "CREATE TRIGGER \(q(rtree + "_delete")) AFTER DELETE ON \(t) WHEN old.\(c) NOT NULL BEGIN DELETE FROM \(r) WHERE id = OLD.\(i); END",
            "CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT,column_name TEXT,extension_name TEXT NOT NULL,definition TEXT NOT NULL,scope TEXT NOT NULL,CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))",
        ]
        for s in statements { try Self.exec(db, s) }
        let row = try Statement(db, "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES (?, ?, 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')")
        try row.run(text: table, column)
    }

    private static func put16(_ v: UInt16, _ b: inout [UInt8], at i: Int) {
        b[i] = UInt8(v >> 8); b[i + 1] = UInt8(v & 0xFF)
    }

    private static func put32(_ v: UInt32, _ b: inout [UInt8], at i: Int) {
        for k in 0..<4 { b[i + k] = UInt8((v >> (24 - 8 * UInt32(k))) & 0xFF) }
    }

    private static func put64(_ v: UInt64, _ b: inout [UInt8], at i: Int) {
        for k in 0..<8 { b[i + k] = UInt8((v >> (56 - 8 * UInt64(k))) & 0xFF) }
    }

    static func exec(_ db: OpaquePointer, _ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(db, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(db))
            sqlite3_free(message)
            throw Failure(message: "\(text) (\(sql.prefix(80)))")
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { "spatial index: \(message)" }
    }

    /// A prepared statement, finalised when freed.
    private final class Statement {
        let db: OpaquePointer
        let handle: OpaquePointer

        init(_ db: OpaquePointer, _ sql: String) throws {
            var h: OpaquePointer?
            guard sqlite3_prepare_v2(db, sql, -1, &h, nil) == SQLITE_OK, let h else {
                sqlite3_finalize(h)
                throw Failure(message: String(cString: sqlite3_errmsg(db)))
            }
            self.db = db
            handle = h
        }

        deinit { sqlite3_finalize(handle) }

        func run(_ a: Int64, _ b: Int64) throws {
            sqlite3_bind_int64(handle, 1, a)
            sqlite3_bind_int64(handle, 2, b)
            try step()
        }

        func run(_ a: Int64, blob: [UInt8]) throws {
            sqlite3_bind_int64(handle, 1, a)
            // SQLITE_TRANSIENT (−1): SQLite copies the bytes before this returns.
            blob.withUnsafeBytes { _ = sqlite3_bind_blob(handle, 2, $0.baseAddress, Int32($0.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self)) }
            try step()
        }

        func run(text a: String, _ b: String) throws {
            let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
            sqlite3_bind_text(handle, 1, a, -1, transient)
            sqlite3_bind_text(handle, 2, b, -1, transient)
            try step()
        }

        /// The first column of the first row, or nil without a row.
        func integer() throws -> Int? {
            defer { sqlite3_reset(handle) }
            switch sqlite3_step(handle) {
            case SQLITE_ROW: return Int(sqlite3_column_int64(handle, 0))
            case SQLITE_DONE: return nil
            default: throw Failure(message: String(cString: sqlite3_errmsg(db)))
            }
        }

        private func step() throws {
            defer {
                sqlite3_reset(handle)
                sqlite3_clear_bindings(handle)
            }
            guard sqlite3_step(handle) == SQLITE_DONE else { throw Failure(message: String(cString: sqlite3_errmsg(db))) }
        }
    }
}

/// Opens a GeoPackage GDAL has closed and adds the indexes of `layers` in one transaction.
enum GeoPackageIndexes {
    /// A failure names the file (`reportedPath`, the user's) and the layer whose index failed.
    static func write(_ indexes: [(table: String, column: String, fid: String, tree: GeoPackageRTree)], to path: String,
                      reportedPath: String) throws(GDALError) {
        guard !indexes.isEmpty else { return }
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let db = handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(handle)
            throw .write(path: reportedPath, layer: nil, message: "cannot open to write the spatial indexes: \(message)")
        }
        defer { sqlite3_close(db) }
        var layer: String?
        do {
            try GeoPackageRTree.exec(db, "BEGIN")
            for x in indexes {
                layer = x.table
                try x.tree.write(table: x.table, column: x.column, fid: x.fid, into: db)
            }
            layer = nil
            try GeoPackageRTree.exec(db, "COMMIT")
        } catch {
            try? GeoPackageRTree.exec(db, "ROLLBACK")
            throw .write(path: reportedPath, layer: layer, message: "\(error)")
        }
    }
}
