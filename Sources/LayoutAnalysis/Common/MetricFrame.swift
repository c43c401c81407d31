import GeoCore
import PROJ

/// The local metric CRS of a dataset and the projection into it (docs/analyses.md §1).
///
/// Distances inside analyses (DBSCAN eps, distance bands, K radii, nearest
/// neighbours) are metres in a local Transverse Mercator: in China the CGCS2000
/// 3-degree Gauss–Krüger zone whose central meridian is nearest the centre of
/// the dataset's bounding box (EPSG:4534–4554), elsewhere the WGS84 UTM zone.
/// Points cross into PROJ as one buffer (`proj_trans_generic`).
public struct MetricFrame: Sendable {
    /// EPSG code of the chosen CRS, e.g. 4544 for Mianyang.
    public let epsg: Int
    /// Its name, e.g. "CGCS2000 / 3-degree Gauss-Kruger CM 105E".
    public let name: String
    /// Scale factor k₀ on the central meridian: 1 for the Gauss–Krüger zones, 0.9996 for UTM.
    public let centralScale: Double
    /// Easting of the central meridian, metres (500 000 for both families).
    public let falseEasting: Double
    let toMetric: Transformer

    /// The frame for an extent in lon/lat.
    public init(extent: BoundingBox) throws {
        let choice = try LocalMetricCRS.forExtent(extent)
        epsg = choice.epsg
        name = choice.name
        let gaussKruger = (4534...4554).contains(choice.epsg)
        centralScale = gaussKruger ? 1 : 0.9996
        falseEasting = 500_000
        toMetric = try Transformer(from: .wgs84, to: CoordinateReferenceSystem(epsg: choice.epsg))
    }

    /// `"EPSG:4544 CGCS2000 / 3-degree Gauss-Kruger CM 105E"`, as printed in results.
    public var label: String { "EPSG:\(epsg) \(name)" }

    /// Projects lon/lat positions; returns interleaved metres `x0, y0, x1, y1, …`.
    public func project(_ lonLat: CoordinateSequence) throws -> [Double] {
        let flat = lonLat.hasZ ? CoordinateSequence(storage: stride(from: 0, to: lonLat.storage.count, by: 3).flatMap {
            [lonLat.storage[$0], lonLat.storage[$0 + 1]]
        }) : lonLat
        return try toMetric.transform(flat).storage
    }

    /// Projects points given as lon/lat pairs.
    public func project(points: [Position]) throws -> [Double] {
        var storage = [Double]()
        storage.reserveCapacity(points.count * 2)
        for p in points {
            storage.append(p.x)
            storage.append(p.y)
        }
        return try project(CoordinateSequence(storage: storage))
    }

    /// The lon/lat of a projected position (the same PROJ operation, inverted).
    public func unproject(_ position: Position) throws -> Position {
        try toMetric.inverse.transform(position)
    }

    /// Projects a whole geometry (e.g. a park polygon for a study area).
    public func project(_ geometry: Geometry) throws -> Geometry {
        try toMetric.transform(geometry)
    }
}
