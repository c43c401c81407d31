import Foundation
import GeoCore
import LayoutAnalysis
import LayoutModel
import Reporting

/// Refuses (exit 3) to compare snapshots whose extents do not overlap — two
/// different places, or one of them in the wrong CRS; either way no change
/// table would mean anything, shared ids or not (generated ids such as
/// E00001 recur in every city). Warns when the snapshots overlap but share
/// no id (`SnapshotCorrespondence`).
enum SnapshotPlausibility {
    static func check(oldName: String, old: Dataset, newName: String, new: Dataset, quiet: Bool) throws {
        let c = SnapshotCorrespondence(old: old, new: new)
        func extent(_ b: BoundingBox?) -> String {
            guard let b else { return "empty" }
            return String(format: "lon %.3f…%.3f, lat %.3f…%.3f", b.minX, b.maxX, b.minY, b.maxY)
        }
        let ids = "\(c.sharedParkIds) park, \(c.sharedParcelIds) parcel and \(c.sharedEnterpriseIds) enterprise ids in common"
        switch c.verdict {
        case .sameCity:
            return
        case .unrelated:
            throw CommandFailure.badInput(
                "\(oldName) and \(newName) look like two different places: they share no park, parcel or enterprise id, "
                    + "and their extents do not overlap (\(oldName): \(extent(c.oldExtent)); \(newName): \(extent(c.newExtent))). "
                    + "Snapshots are compared by id and must be of the same city.")
        case .noSharedIds:
            if !quiet {
                Console.warning(
                    "\(oldName) and \(newName) overlap in space but share no park, parcel or enterprise id: every feature "
                        + "will count as entered or exited. Were the ids renumbered?")
            }
        case .noSpatialOverlap:
            throw CommandFailure.badInput(
                "\(oldName) and \(newName) do not overlap in space (\(oldName): \(extent(c.oldExtent)); \(newName): "
                    + "\(extent(c.newExtent))), though they have \(ids): two different places, or one of them in another CRS "
                    + "or datum. Snapshots must be of the same city.")
        }
    }
}
