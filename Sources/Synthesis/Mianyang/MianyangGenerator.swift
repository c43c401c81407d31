import GeoCore

/// Builds the reference dataset GeoData/mianyang from the nine real county
/// boundaries: three functional zones, the twelve parks and two sub-parks of
/// the positioning table, parcels on street grids and clustered
/// enterprises — all synthetic except the counties — with every rule of
/// docs/analyses.md §4 firing at least once (see `MianyangDataset.planted`).
///
/// Deterministic: the same counties and seed give identical features.
public struct MianyangGenerator: Sendable {
    /// The nine county features, as given.
    public let counties: [Feature]
    /// The random seed.
    public let seed: UInt64

    /// - Parameters:
    ///   - counties: the nine county features (`adcode`, `name`; Polygon or
    ///     MultiPolygon in lon/lat), already repaired (valid geometry).
    ///   - seed: the random seed (`parkatlas synth --preset mianyang --seed 2024`).
    public init(counties: [Feature], seed: UInt64) {
        self.counties = counties
        self.seed = seed
    }

    /// Generates the four layers. Throws `SynthesisError.unusableCounty` when a
    /// required county is missing or has no polygon, and
    /// `SynthesisError.parkDoesNotFit` when a park cannot be placed.
    public func generate() throws -> MianyangDataset {
        var w = MianyangWorkspace(seed: seed)
        try loadCounties(into: &w)
        for zone in MianyangPositioning.functionalZones {
            w.zones[zone.code] = PlanarRegion(polygons: [[zone.ring.map(w.frame.metres)]])
        }
        try w.placeParks()
        try w.makeParcels()
        w.makeEnterprises()
        w.spreadFoodIndustry()
        w.tuneLeadingShares()
        w.recordStructuralSituations()
        return MianyangDataset(
            districts: districtFeatures(w), parks: w.parks.map { FeatureBuilder.park($0, frame: w.frame) },
            parcels: parcelFeatures(w), enterprises: enterpriseFeatures(w), policy: nil,
            planted: w.planted.sorted { $0.rule < $1.rule })
    }

    func loadCounties(into w: inout MianyangWorkspace) throws {
        for feature in counties {
            let code: String
            switch feature[property: "adcode"] {
            case .string(let s)?: code = s
            case .integer(let i)?: code = String(i)
            default: continue
            }
            guard let geometry = feature.geometry, geometry.isPolygonal else {
                throw SynthesisError.unusableCounty(adcode: code, reason: "geometry is not a Polygon or MultiPolygon")
            }
            let region = PlanarRegion(lonLat: geometry, frame: w.frame)
            guard !region.polygons.isEmpty else { throw SynthesisError.unusableCounty(adcode: code, reason: "no polygon") }
            let name = feature[property: "name"]?.stringValue ?? code
            w.counties.append(MianyangWorkspace.County(adcode: code, name: name, geometry: geometry, region: region))
        }
        for code in MianyangPositioning.adcodes where w.county(code) == nil {
            throw SynthesisError.unusableCounty(adcode: code, reason: "missing from the input")
        }
        w.counties.sort { $0.adcode < $1.adcode }
    }

    func districtFeatures(_ w: MianyangWorkspace) -> [Feature] {
        var out = w.counties.map {
            FeatureBuilder.district(code: $0.adcode, name: $0.name, functional: false, geometry: $0.geometry)
        }
        for zone in MianyangPositioning.functionalZones {
            let ring = PlanarRing.counterClockwise(zone.ring.map { PlanarPoint(FeatureBuilder.roundDegrees($0.x), FeatureBuilder.roundDegrees($0.y)) })
            out.append(FeatureBuilder.district(
                code: zone.code, name: zone.name, functional: true,
                geometry: .polygon(Polygon(exterior: PlanarRing.closedSequence(ring)))))
        }
        return out
    }

    func parcelFeatures(_ w: MianyangWorkspace) -> [Feature] {
        w.parcels.map { p in
            FeatureBuilder.parcel(
                id: p.id, attributes: p.attributes, enterprise: p.enterprise.map(MianyangWorkspace.enterpriseID),
                geometry: .polygon(FeatureBuilder.polygon(frameRing: p.ring, frame: w.frame)))
        }
    }

    func enterpriseFeatures(_ w: MianyangWorkspace) -> [Feature] {
        var r = SeededRandom(seed: seed, stream: MianyangWorkspace.enterpriseStream + 2)
        return w.enterprises.enumerated().map { i, e in
            let cls = IndustryCatalogue.classes[e.classIndex]
            let lonLat = w.frame.lonLat(e.point)
            return FeatureBuilder.enterprise(
                id: MianyangWorkspace.enterpriseID(i), name: EnterpriseNames.make(place: e.place, tradeWord: cls.tradeWord, using: &r),
                industry: cls.code, economics: e.economics, lon: lonLat.x, lat: lonLat.y)
        }
    }
}
