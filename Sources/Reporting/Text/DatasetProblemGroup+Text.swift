import GeoCore

import LayoutModel

public extension DatasetProblemGroup {
    /// `3,164 features: P0001, P0002, P0003, …`.
    var featureCountText: String {
        "\(NumberText.grouped(Double(count), decimals: 0)) features: \(sampleText)"
    }

    /// One line for a terminal: the problem's own description when it is alone,
    /// else `parcels.geojson status: error: <reason> — 3,164 features: P0001, P0002, P0003, …`.
    var listing: String {
        guard count > 1 else { return first.description }
        let place = first.file + (first.property.map { " " + $0 } ?? "")
        return "\(place): \(first.severity.rawValue): \(reason) — \(featureCountText)"
    }
}
