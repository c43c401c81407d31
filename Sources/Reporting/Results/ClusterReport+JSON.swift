import GeoCore
import LayoutAnalysis
import LayoutModel

/// The `cluster:` JSON shape of docs/cli.md; extra keys are only added, never renamed.
/// Non-finite numbers and ratios over zero are `null`.
public extension ClusterReport {
    func json() -> JSONValue { json(points: true) }

    /// - Parameter points: false leaves each group's `points` (one per enterprise) out, for a city
    ///   too big for JSON (`AnalyzeOutputRule`): they are in cluster_points.csv and results.gpkg.
    func json(points: Bool) -> JSONValue {
        var root: JSONObject = [
            "crs": .string(crs),
            "method": .string("dbscan"),
            "eps_m": .double(options.eps),
            "min_points": .integer(Int64(options.minPoints)),
        ]
        root.append(key: "study_area", value: .string(options.studyArea.rawValue))
        root.append(key: "simulations", value: .integer(Int64(options.simulations)))
        root.append(key: "seed", value: .integer(Int64(bitPattern: options.seed)))
        root.append(key: "envelope", value: .string(options.envelope.rawValue))
        root.append(key: "envelope_auto_threshold", value: .integer(Int64(EnvelopeMethod.autoThreshold)))
        root.append(key: "groups", value: .array(groups.map { $0.json(points: points) }))
        return .object(root)
    }
}

public extension IndustryClusterGroup {
    func json(points withPoints: Bool = true) -> JSONValue {
        let names = IndustryTable.lookup(industry)
        var points: [JSONValue] = []
        if withPoints { points.reserveCapacity(n) }
        for k in 0..<(withPoints ? n : 0) {
            points.append(.object([
                "id": .string(ids[k]),
                "cluster": .integer(Int64(dbscan.labels[k])),
                "core": .bool(dbscan.isCore[k]),
                "role": .string(dbscan.role(of: k).rawValue),
            ]))
        }
        let noise = dbscan.labels.count(where: { $0 < 0 })
        var o: JSONObject = [
            "industry": .string(industry),
            "name_zh": names.map { .string($0.nameZh) } ?? .null,
            "name_en": names.map { .string($0.nameEn) } ?? .null,
            "n": .integer(Int64(n)),
            "cluster_count": .integer(Int64(dbscan.clusterCount)),
            "noise_count": .integer(Int64(noise)),
        ]
        if withPoints { o["points"] = .array(points) }
        o.addMissing([
            "clusters": .array(clusters.map { $0.json() }),
            "nni": nni.map { $0.json() } ?? .null,
            "ripley": ripley.map { $0.json() } ?? .null,
            "study_area_m2": .number(studyAreaM2),
        ])
        return .object(o)
    }

    /// The rows of cluster_points.csv for this group: industry, id, cluster, core, role.
    func pointRows(to csv: CSVStream) throws {
        for k in 0..<n {
            try csv.row([industry, ids[k], String(dbscan.labels[k]), dbscan.isCore[k] ? "true" : "false", dbscan.role(of: k).rawValue])
        }
    }
}

public extension ClusterSummary {
    func json() -> JSONValue {
        .object([
            "id": .integer(Int64(id)),
            "size": .integer(Int64(size)),
            "core_count": .integer(Int64(coreCount)),
            "industries": .array(industries.map { .string($0) }),
            "output_wan": .number(outputWan),
            "parks": .array(parks.map { .string($0) }),
            "centroid": .array([.number(centroid.x), .number(centroid.y)]),
            "hull": .string(hullKind.rawValue),
            "hull_area_m2": .number(hullAreaM2),
        ])
    }
}

public extension NearestNeighbourIndex {
    func json() -> JSONValue {
        .object([
            "nni": .number(nni),
            "z": .number(z),
            "p": .number(p),
            "mean_observed": .number(meanObserved),
            "mean_expected": .number(meanExpected),
            "standard_error": .number(standardError),
            "study_area_m2": .number(studyAreaM2),
            "n": .integer(Int64(n)),
        ])
    }
}

public extension RipleyAnalysis {
    func json() -> JSONValue {
        func list(_ values: [Double]?) -> JSONValue { values.map { .array($0.map { .number($0) }) } ?? .null }
        return .object([
            "radii": list(radii),
            "k": list(k),
            "l": list(l),
            "envelope_low": list(envelopeLow),
            "envelope_high": list(envelopeHigh),
            "envelope_low_k": list(envelopeLowK),
            "envelope_high_k": list(envelopeHighK),
            "p": list(p),
            "simulations": .integer(Int64(simulations)),
            // Added keys: how the envelope was made, and the analytic band's parameters.
            "envelope": envelopeMethod.map { .string($0.rawValue) } ?? .null,
            "expected_k": list(expectedK),
            "sd_k": list(standardDeviationK),
            "z": envelopeMethod == .analytic ? .number(envelopeZ) : .null,
        ])
    }
}

public extension ClusterReport {
    /// One line saying how the K envelopes were made, for the table and the report: the method
    /// of each group, with the simulation count and seed, or the analytic band's z.
    var envelopeDescription: String {
        let methods = groups.compactMap { $0.ripley?.envelopeMethod }
        guard options.simulations > 0, !methods.isEmpty else { return "K envelope: none" }
        let simulated = methods.count(where: { $0 == .simulation }), analytic = methods.count - simulated
        let simText = "simulation (\(options.simulations) CSR patterns, min/max, seed \(options.seed))"
        let z = NumberText.fixed(RipleyAnalysis.envelopeZ(simulations: options.simulations), decimals: 3)
        let anaText = "analytic (exact CSR mean and variance of K, E[K] ± \(z)·sd, the level of \(options.simulations) simulations)"
        var out = "K envelope (--envelope \(options.envelope.rawValue)): "
        if analytic == 0 { out += simText } else if simulated == 0 { out += anaText } else {
            out += "\(simText) for \(simulated) groups of at most \(EnvelopeMethod.autoThreshold) points, \(anaText) for \(analytic) larger"
        }
        return out
    }
}

