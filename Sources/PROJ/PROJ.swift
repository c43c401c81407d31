import GeoCore

// The Swift face of PROJ (https://proj.org, C API of PROJ ≥ 9.1).
//
// What lives here, one concern per file:
// - `CoordinateReferenceSystem`: a Sendable description of a CRS, validated by PROJ.
// - `Transformer`: batch reprojection with (lon, lat) / (easting, northing) axis order.
// - `Geodesic`: ellipsoidal area, perimeter and distance (Karney, PROJ's geodesic.h).
// - `LocalMetricCRS`: which metric CRS the analyses measure distances in.
// - `OffsetCoordinates` and `Datum`: the GCJ-02 / BD-09 web-map offsets.
//
// PROJ pointers never leave this module. Each `PJ*` has one owner (`PJObject`),
// and PROJ contexts are per thread (`ThreadPROJ`).

/// Live PROJ objects (`PJ*`: CRSs and coordinate operations) owned by this module.
///
/// Tests and the benchmark read it to prove that every object created was
/// destroyed. Transformations cached for reuse on a thread count as live until
/// `releaseCachedTransformations()` is called on that thread or the thread exits.
public let liveHandles = HandleCounter(name: "PROJ objects")

/// Live PROJ contexts (`PJ_CONTEXT*`), one per thread that has used PROJ.
///
/// Kept apart from `liveHandles` because a context legitimately lives as long
/// as its thread.
public let liveContexts = HandleCounter(name: "PROJ contexts")
