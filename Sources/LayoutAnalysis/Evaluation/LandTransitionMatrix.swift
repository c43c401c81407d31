import LayoutModel

/// An area matrix of transitions between two snapshots: old category → new
/// category (land-use class at level 1 or 2, or land status), in m²
/// (docs/analyses.md §6).
///
/// Each cell is Σ of the geodesic areas of the intersection pieces of an old
/// parcel of the row's category and a new parcel of the column's category
/// (`ParcelTransitionOverlay`). Where the old and the new parcels cover the
/// same ground (and neither snapshot's parcels overlap each other), row sums
/// equal the old categories' areas and column sums the new ones'; land only
/// one snapshot has a parcel on does not appear.
public struct LandTransitionMatrix: Sendable, Hashable {
    /// One non-zero cell.
    public struct Cell: Sendable, Hashable {
        public var from: String
        public var to: String
        /// m² (GRS80).
        public var area: Double
    }

    /// Non-zero cells, by `from` then `to` ascending.
    public var cells: [Cell]

    public init(cells: [Cell]) { self.cells = cells }

    /// Σ area of the cells, m².
    public var totalArea: Double { cells.reduce(0) { $0 + $1.area } }
    /// Σ area by row (old category), m².
    public var rowSums: [String: Double] { cells.reduce(into: [:]) { $0[$1.from, default: 0] += $1.area } }
    /// Σ area by column (new category), m².
    public var columnSums: [String: Double] { cells.reduce(into: [:]) { $0[$1.to, default: 0] += $1.area } }
    /// The area of one cell, m² (0 when absent).
    public func area(from: String, to: String) -> Double {
        cells.first { $0.from == from && $0.to == to }?.area ?? 0
    }

    /// Accumulates pieces (in a fixed order, so sums do not depend on threads).
    struct Builder {
        private var sums: [String: [String: Double]] = [:]

        mutating func add(from: String, to: String, area: Double) {
            guard area > 0 else { return }
            sums[from, default: [:]][to, default: 0] += area
        }

        func finish() -> LandTransitionMatrix {
            var cells: [Cell] = []
            for from in sums.keys.sorted() {
                let row = sums[from]!
                for to in row.keys.sorted() { cells.append(Cell(from: from, to: to, area: row[to]!)) }
            }
            return LandTransitionMatrix(cells: cells)
        }
    }
}
