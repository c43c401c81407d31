import GeoCore

/// Turns projected rings and lines into compact SVG path data.
///
/// Pixel coordinates are rounded to `decimals` fraction digits; a vertex
/// closer than `tolerance` pixels to the last kept one is skipped (radial
/// distance simplification: it removes vertices no one can see, and most of a
/// small parcel's vertices at city scale). A ring that thins to fewer than
/// three points is written unthinned, so no feature disappears.
struct PathEncoder {
    let frame: MapFrame
    let decimals: Int
    let tolerance: Double

    /// Path data of one projected (metric) sequence: `M x yL x y x y…` and `Z` when `close`.
    func append(_ sequence: CoordinateSequence, close: Bool, to out: inout String) {
        let points = pixelPoints(sequence)
        var kept = thin(points)
        if close && kept.count < 3 { kept = points }
        guard kept.count >= (close ? 3 : 2) else { return }
        var first = true
        for (x, y) in kept {
            out += first ? "M" : " "
            out += SVGText.number(x, decimals: decimals)
            out += " "
            out += SVGText.number(y, decimals: decimals)
            if first {
                out += "L"
                first = false
            }
        }
        // "M x yL" followed by nothing would be invalid; kept.count ≥ 2 guarantees a pair after L.
        if close { out += "Z" }
    }

    /// Path data of a whole (multi)polygon or line geometry in metres.
    func pathData(_ geometry: Geometry) -> String {
        var out = ""
        switch geometry {
        case .polygon, .multiPolygon:
            for polygon in geometry.polygons {
                for ring in polygon.rings { append(ring.droppingClosingPoint(), close: true, to: &out) }
            }
        case .lineString(let s): append(s, close: false, to: &out)
        case .multiLineString(let ss): for s in ss { append(s, close: false, to: &out) }
        case .geometryCollection(let gs): for g in gs { out += pathData(g) }
        case .point, .multiPoint: break
        }
        return out
    }

    private func pixelPoints(_ sequence: CoordinateSequence) -> [(Double, Double)] {
        var out: [(Double, Double)] = []
        out.reserveCapacity(sequence.count)
        let d = sequence.dimension
        let unit = SVGText.pow10(decimals)
        sequence.storage.withUnsafeBufferPointer { buf in
            var i = 0
            while i + 1 < buf.count {
                let x = (frame.pixelX(buf[i]) * unit).rounded() / unit
                let y = (frame.pixelY(buf[i + 1]) * unit).rounded() / unit
                if let last = out.last, last.0 == x, last.1 == y {
                    // Equal after rounding: drop.
                } else {
                    out.append((x, y))
                }
                i += d
            }
        }
        return out
    }

    private func thin(_ points: [(Double, Double)]) -> [(Double, Double)] {
        guard points.count > 2, tolerance > 0 else { return points }
        let t2 = tolerance * tolerance
        var kept = [points[0]]
        for p in points.dropFirst().dropLast() {
            let last = kept[kept.count - 1]
            let dx = p.0 - last.0, dy = p.1 - last.1
            if dx * dx + dy * dy >= t2 { kept.append(p) }
        }
        kept.append(points[points.count - 1])
        return kept
    }
}

extension CoordinateSequence {
    /// The ring without its repeated closing position (SVG's `Z` closes it).
    func droppingClosingPoint() -> CoordinateSequence {
        guard isClosed, count > 1 else { return self }
        return CoordinateSequence(storage: Array(storage.dropLast(dimension)), hasZ: hasZ)
    }
}
