import CGDAL
import Foundation

/// One open GDAL vector dataset (`GDALDatasetH`), exclusively owned and
/// closed (`GDALClose`) in `deinit` or by `close()`.
///
/// Layers belong to the dataset; a `VectorLayer` keeps its dataset alive.
/// Not Sendable: GDAL datasets must be used by one thread at a time.
public final class VectorDataset {
    /// The owned handle; never escapes the module. Nil once closed.
    private(set) var handle: GDALDatasetH?
    /// The path the dataset was opened or created at.
    public let path: String

    init(taking handle: GDALDatasetH, path: String) {
        self.handle = handle
        self.path = path
        GDALLibrary.handleCounter.retain()
    }

    deinit {
        if let handle { GDALClose(handle) }
        GDALLibrary.handleCounter.release()
    }

    /// Opens a vector dataset read-only.
    /// - Parameters:
    ///   - openOptions: driver open options, e.g. `[("ENCODING", "GB18030")]` for a Shapefile.
    ///   - drivers: restrict to these driver short names (e.g. `["CSV"]`); nil tries every driver.
    public static func open(
        _ path: String, openOptions: [(String, String)] = [], drivers: [String]? = nil
    ) throws(GDALError) -> VectorDataset {
        GDALCall.reset()
        let handle: GDALDatasetH? = withConstOptionList(openOptions) { options in
            withStringList(drivers ?? []) { allowed in
                GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY), allowed, options, nil)
            }
        }
        guard let handle else {
            throw .cannotOpen(path: path, message: GDALCall.message())
        }
        return VectorDataset(taking: handle, path: path)
    }

    /// Creates a new vector dataset with `driver` (e.g. `"GPKG"`); `path` must not exist.
    public static func create(
        _ path: String, driver: String, options: [(String, String)] = []
    ) throws(GDALError) -> VectorDataset {
        GDALCall.reset()
        guard let drv = GDALGetDriverByName(driver) else {
            throw .unsupportedFormat(path: path, reason: "the GDAL driver \(driver) is not available")
        }
        let handle = withOptionList(options) { GDALCreate(drv, path, 0, 0, 0, GDT_Unknown, $0) }
        guard let handle else { throw .write(path: path, layer: nil, message: GDALCall.message()) }
        return VectorDataset(taking: handle, path: path)
    }

    /// Closes the dataset now, reporting a failure to flush (a dataset being written).
    public func close() throws(GDALError) {
        guard let h = handle else { return }
        handle = nil
        GDALCall.reset()
        GDALClose(h)
        if GDALCall.failed { throw .write(path: path, layer: nil, message: GDALCall.message()) }
    }

    func requireOpen() throws(GDALError) -> GDALDatasetH {
        guard let handle else { throw .library(operation: "use of a closed dataset", path: path, message: "the dataset was closed") }
        return handle
    }

    /// The driver's short name, e.g. `"ESRI Shapefile"`, `"GPKG"`.
    public var driverName: String {
        guard let handle, let drv = GDALGetDatasetDriver(handle) else { return "" }
        return String(cString: GDALGetDriverShortName(drv))
    }

    public var layerCount: Int {
        guard let handle else { return 0 }
        return Int(GDALDatasetGetLayerCount(handle))
    }

    /// The layer names, in dataset order.
    public var layerNames: [String] {
        (0..<layerCount).compactMap { i in
            guard let handle, let layer = GDALDatasetGetLayer(handle, Int32(i)) else { return nil }
            return String(cString: OGR_L_GetName(layer))
        }
    }

    public func layer(at index: Int) throws(GDALError) -> VectorLayer {
        let h = try requireOpen()
        guard index >= 0, index < layerCount, let layer = GDALDatasetGetLayer(h, Int32(index)) else {
            throw .noSuchLayer(path: path, layer: "#\(index)", available: layerNames)
        }
        return VectorLayer(pointer: layer, dataset: self)
    }

    public func layer(named name: String) throws(GDALError) -> VectorLayer {
        let h = try requireOpen()
        guard let layer = GDALDatasetGetLayerByName(h, name) else {
            throw .noSuchLayer(path: path, layer: name, available: layerNames)
        }
        return VectorLayer(pointer: layer, dataset: self)
    }

    /// Runs `body` in a transaction when the driver supports one (GeoPackage), committing at the end.
    func inTransaction(_ body: () throws -> Void) throws {
        let h = try requireOpen()
        let started = GDALDatasetStartTransaction(h, 0) == OGRERR_NONE
        do {
            try body()
        } catch {
            if started { _ = GDALDatasetRollbackTransaction(h) }
            throw error
        }
        if started {
            GDALCall.reset()
            guard GDALDatasetCommitTransaction(h) == OGRERR_NONE else {
                throw GDALError.write(path: path, layer: nil, message: GDALCall.message())
            }
        }
    }
}
