import GEOS
import GeoCore

/// Where a flagged parcel belongs for grouping and verdicts: the smallest park
/// covering a point inside the parcel (GEOS point-on-surface), else the
/// administrative district covering it. Computed only for the few parcels
/// that have findings.
struct ParcelPlacement {
    let context: CheckContext

    func place(parcel p: Int) throws -> (park: Int?, district: String?) {
        guard let overlay = context.overlay, let point = try overlay.handles[p].pointOnSurfacePosition() else { return (nil, nil) }
        if let park = try context.smallestPark(covering: .point(point)) { return (park, context.reportingDistrict[park]) }
        let district = try context.dataset.districts.first { d in
            guard d.kind == .administrative, d.geometry.boundingBox?.contains(x: point.x, y: point.y) == true else { return false }
            return try GeometryHandle(d.geometry).covers(GeometryHandle(.point(point)))
        }
        return (nil, district?.code)
    }
}
