import CGDAL

/// The single owner of one `OGRFeatureH`, destroyed in `deinit` (`OGR_F_Destroy`).
final class FeatureOwner {
    let pointer: OGRFeatureH

    init(taking pointer: OGRFeatureH) {
        self.pointer = pointer
        GDALLibrary.handleCounter.retain()
    }

    deinit {
        OGR_F_Destroy(pointer)
        GDALLibrary.handleCounter.release()
    }
}

/// The single owner of one `OGRGeometryH` that no feature owns (`OGR_G_DestroyGeometry`).
/// `release()` hands ownership to GDAL (e.g. `OGR_F_SetGeometryDirectly`).
final class GeometryOwner {
    private(set) var pointer: OGRGeometryH?

    init(taking pointer: OGRGeometryH) {
        self.pointer = pointer
        GDALLibrary.handleCounter.retain()
    }

    /// Gives the geometry away; the caller's C call now owns it.
    func release() -> OGRGeometryH? {
        defer { pointer = nil }
        return pointer
    }

    deinit {
        if let pointer { OGR_G_DestroyGeometry(pointer) }
        GDALLibrary.handleCounter.release()
    }
}

/// The single owner of one reference to an `OGRSpatialReferenceH` (`OSRRelease`).
final class SpatialReferenceOwner {
    let pointer: OGRSpatialReferenceH

    init(taking pointer: OGRSpatialReferenceH) {
        self.pointer = pointer
        GDALLibrary.handleCounter.retain()
    }

    /// A spatial reference from any definition OSRSetFromUserInput reads
    /// ("EPSG:4544", WKT, PROJ string), in traditional GIS axis order (x = easting/longitude).
    convenience init(definition: String) throws(GDALError) {
        GDALCall.reset()
        guard let srs = OSRNewSpatialReference(nil) else {
            throw .library(operation: "OSRNewSpatialReference", path: nil, message: GDALCall.message())
        }
        self.init(taking: srs)
        guard OSRSetFromUserInput(srs, definition) == OGRERR_NONE else {
            throw .library(operation: "OSRSetFromUserInput(\(definition))", path: nil, message: GDALCall.message())
        }
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
    }

    deinit {
        OSRRelease(pointer)
        GDALLibrary.handleCounter.release()
    }
}

/// The single owner of one Arrow C stream (`ArrowArrayStream`), released in `deinit`.
/// Keeps the layer (hence the dataset) alive while the stream exists: GDAL's
/// stream refers to the layer.
final class ArrowStreamOwner {
    let stream: UnsafeMutablePointer<ArrowArrayStream>
    let layer: VectorLayer

    init(layer: VectorLayer) {
        self.layer = layer
        stream = .allocate(capacity: 1)
        stream.initialize(to: ArrowArrayStream())
        GDALLibrary.handleCounter.retain()
    }

    deinit {
        if let release = stream.pointee.release { release(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
        GDALLibrary.handleCounter.release()
    }

    /// The message the stream gives for its last failure.
    func lastError() -> String {
        guard let f = stream.pointee.get_last_error, let s = f(stream) else { return "Arrow stream failed without a message" }
        return String(cString: s)
    }
}
