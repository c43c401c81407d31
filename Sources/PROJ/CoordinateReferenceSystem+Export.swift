import CPROJ

extension CoordinateReferenceSystem {
    /// The CRS as WKT2:2019 (`proj_as_wkt`, `PJ_WKT2_2019`).
    public func wkt() throws(PROJError) -> String {
        try export(format: "WKT") { ctx, pj in proj_as_wkt(ctx, pj, PJ_WKT2_2019, nil) }
    }

    /// The CRS as a PROJ string (`proj_as_proj_string`, version 5); lossy for some datums.
    public func projString() throws(PROJError) -> String {
        try export(format: "PROJ string") { ctx, pj in proj_as_proj_string(ctx, pj, PJ_PROJ_5, nil) }
    }

    /// The CRS as PROJJSON (`proj_as_projjson`).
    public func projJSON() throws(PROJError) -> String {
        try export(format: "PROJJSON") { ctx, pj in proj_as_projjson(ctx, pj, nil) }
    }

    private func export(
        format: String, _ call: (OpaquePointer, OpaquePointer) -> UnsafePointer<CChar>?
    ) throws(PROJError) -> String {
        let context = try ThreadPROJ.current().context
        let object = try makeObject(in: context)
        // The returned string belongs to the PJ object: copy it while the object lives.
        let text: String? = withExtendedLifetime(object) {
            call(context.pointer, object.pointer).map { String(cString: $0) }
        }
        guard let text else {
            let e = context.takeError()
            throw .exportFailed(format: format, code: e.code, message: e.message)
        }
        return text
    }
}
