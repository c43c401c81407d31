import GeoCore
import LayoutModel

/// Back-casts the reference dataset one year: from the generated 2024 layers
/// of `MianyangGenerator`, the 2023 snapshot GeoData/mianyang-2023
/// (`parkatlas synth --preset mianyang-2023 --seed 2024`), for the dynamic
/// evaluation of docs/analyses.md §6 (`compare`, `evaluate --previous`).
///
/// What was different a year earlier (rates per eligible feature, drawn from
/// its own random stream, so the later dataset is never touched):
/// - 7 % of enterprises on built parcels had not arrived: their parcels were
///   under construction (70 %) or supplied but unbuilt (30 %); 4 % of the
///   in-park enterprises without a parcel had not arrived either;
/// - 2 % of enterprises on built parcels moved in from outside every park:
///   their parcel was idle (reclaimed idle land, 盘活闲置), and 2 % of the
///   in-park enterprises without a parcel also came from outside;
/// - 3 % of built parcels without an enterprise were under construction;
/// - half of today's idle parcels were built, used by an enterprise that
///   has since exited; 2 % more in-park enterprises exited from shared buildings;
/// - 30 % of `ready` parcels were not ready (vacant land, `2301`), and
///   20 % were not registered yet (new parcels);
/// - 1 % of continuing enterprises had another class of the same division;
/// - P05 had only C3424 as main industry (C404 added later);
/// - outputs and taxes were lower by the park's growth trend plus noise
///   (sd 0.02); the trends of the featured parks are fixed so that
///   `evaluate --previous` gives every verdict: P01A 12 %, P02A 3 %,
///   P03 11 %, P04 4 %, P05 10 %, P07 9 %; other parks 6–12 %, outside 5 %.
///
/// Deterministic: the same later dataset and seed give identical features.
public struct MianyangEarlierSnapshot: Sendable {
    public let seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    /// Fixed output-growth trends of the featured parks (later ÷ earlier − 1).
    public static let featuredGrowth: [String: Double] = [
        "P01A": 0.12, "P02A": 0.03, "P03": 0.11, "P04": 0.04, "P05": 0.10, "P07": 0.09,
    ]
    /// Growth of enterprises outside every park.
    public static let outsideGrowth = 0.05

    /// The earlier snapshot of `later`, and the story of what changed.
    public func derive(from later: MianyangDataset) -> (dataset: MianyangDataset, story: MianyangEarlierSnapshotStory) {
        var random = SeededRandom(seed: seed, stream: 2023)
        var story = MianyangEarlierSnapshotStory()
        let parks = ParkOutlines(later.parks)
        for id in parks.ids {
            story.parkGrowth[id] = Self.featuredGrowth[id] ?? (random.uniform(0.06, 0.12) * 1000).rounded() / 1000
        }

        // Enterprises of the later year: where they are, and which have parcels.
        let enterprises = later.enterprises
        let points = enterprises.map { Self.point($0) }
        let parkOf = points.map { $0.flatMap(parks.park(containing:)) }
        var parcelOwners = Set<String>()
        for p in later.parcels { if let e = p[property: "enterprise"]?.stringValue { parcelOwners.insert(e) } }
        let outsideIndices = enterprises.indices.filter { parkOf[$0] == nil && points[$0] != nil }
        var indexOfEnterprise: [String: Int] = [:]
        for (i, e) in enterprises.enumerated() {
            if let id = e[property: "id"]?.stringValue, indexOfEnterprise[id] == nil { indexOfEnterprise[id] = i }
        }

        var absent = Set<String>()          // entered later
        var movedIn = Set<String>()         // outside earlier
        var earlierParcels: [Feature] = []
        var exits: [Feature] = []
        var exitSerial = 0

        func exitEnterprise(at p: Position, industry: String) -> Feature {
            exitSerial += 1
            let id = "X" + String(repeating: "0", count: max(0, 5 - String(exitSerial).count)) + String(exitSerial)
            let trade = IndustryCatalogue.classes.first { $0.code == industry }?.tradeWord ?? "实业"
            let output = Self.round2(random.logNormal(median: 900, sigma: 0.8))
            let economics = EnterpriseEconomics(
                output: output, tax: Self.round2(output * random.uniform(0.02, 0.06)),
                employees: max(3, Int(output / 80)), aboveScale: output >= 2000)
            story.exited.append(id)
            return FeatureBuilder.enterprise(
                id: id, name: EnterpriseNames.make(place: "绵阳", tradeWord: trade, using: &random), industry: industry,
                economics: economics, lon: p.x, lat: p.y)
        }

        for parcel in later.parcels {
            guard var props = parcel.properties, let id = props["id"]?.stringValue,
                  let status = props["status"]?.stringValue else { earlierParcels.append(parcel); continue }
            let owner = props["enterprise"]?.stringValue
            var earlier = parcel
            switch status {
            case "built":
                if let owner, let e = indexOfEnterprise[owner], parkOf[e] != nil {
                    if random.chance(0.07) {
                        absent.insert(owner)
                        story.constructionToBuilt.append(id)
                        Self.unbuild(&props, status: random.chance(0.7) ? "under_construction" : "supplied_unbuilt", investmentShare: 0.6)
                    } else if random.chance(0.02 / 0.93) {
                        movedIn.insert(owner)
                        story.idleToBuilt.append(id)
                        Self.unbuild(&props, status: "idle", investmentShare: 0.5)
                    }
                } else if owner == nil, random.chance(0.03) {
                    story.constructionToBuilt.append(id)
                    Self.unbuild(&props, status: "under_construction", investmentShare: 0.6)
                }
            case "idle":
                if random.chance(0.5), let centre = Self.centre(parcel.geometry) {
                    story.builtToIdle.append(id)
                    let park = String(id.prefix { $0 != "-" })
                    let industry = Self.industry(forPark: park, parks: parks, random: &random)
                    let exit = exitEnterprise(at: centre, industry: industry)
                    exits.append(exit)
                    let area = Self.approximateArea(parcel.geometry)
                    props["status"] = .string("built")
                    props["floor_area_m2"] = .double((area * random.uniform(0.8, 1.2) * 10).rounded() / 10)
                    props["footprint_m2"] = .double((area * random.uniform(0.35, 0.5) * 10).rounded() / 10)
                    props["tax_wan"] = .double(Self.round2(exit[property: "tax_wan"]?.doubleValue ?? 0))
                    props["enterprise"] = exit[property: "id"]
                }
            case "ready":
                if random.chance(0.3) {
                    story.unreadyToReady.append(id)
                    props["status"] = .string("unready")
                    props["land_use"] = .string("2301")
                } else if random.chance(0.2 / 0.7) {
                    story.newParcels.append(id)
                    continue
                }
            default: break
            }
            earlier.properties = props
            earlierParcels.append(earlier)
        }

        // Enterprises without a parcel: entries, moves into parks, exits from shared buildings.
        for (i, e) in enterprises.enumerated() where parkOf[i] != nil {
            guard let id = e[property: "id"]?.stringValue, !parcelOwners.contains(id) else { continue }
            if random.chance(0.04) {
                absent.insert(id)
            } else if random.chance(0.02) {
                movedIn.insert(id)
            } else if random.chance(0.02), let p = points[i] {
                let jitter = Position(x: p.x + random.uniform(-0.0005, 0.0005), y: p.y + random.uniform(-0.0005, 0.0005))
                let industry = e[property: "industry"]?.stringValue ?? "C3399"
                if parks.park(containing: jitter) == parkOf[i] { exits.append(exitEnterprise(at: jitter, industry: industry)) }
            }
        }

        var earlierEnterprises: [Feature] = []
        for (i, e) in enterprises.enumerated() {
            guard var props = e.properties, let id = props["id"]?.stringValue else { earlierEnterprises.append(e); continue }
            if absent.contains(id) {
                story.entered.append(id)
                continue
            }
            var earlier = e
            if movedIn.contains(id), !outsideIndices.isEmpty {
                story.movedIntoParks.append(id)
                // From near one of the five outside enterprises closest to where it is now (same town).
                let here = points[i] ?? Position(x: 0, y: 0)
                let nearest = outsideIndices.sorted {
                    Self.squaredDegrees(points[$0]!, here) < Self.squaredDegrees(points[$1]!, here) || (Self.squaredDegrees(points[$0]!, here) == Self.squaredDegrees(points[$1]!, here) && $0 < $1)
                }.prefix(5)
                var spot: Position?
                for _ in 0..<10 {
                    guard let base = points[nearest[nearest.startIndex + random.index(below: nearest.count)]] else { continue }
                    let candidate = Position(x: FeatureBuilder.roundDegrees(base.x + random.uniform(-0.002, 0.002)),
                                             y: FeatureBuilder.roundDegrees(base.y + random.uniform(-0.002, 0.002)))
                    if parks.park(containing: candidate) == nil { spot = candidate; break }
                }
                earlier.geometry = .point(spot ?? points[nearest.first!]!)
            } else if random.chance(0.01), let industry = props["industry"]?.stringValue {
                let division = String(industry.prefix(3))
                let others = IndustryCatalogue.classes.map(\.code).filter { $0.hasPrefix(division) && $0 != industry }
                if let other = random.choice(others) {
                    story.industryChanged.append(id)
                    props["industry"] = .string(other)
                }
            }
            let trend = parkOf[i].map { story.parkGrowth[$0] ?? 0.08 } ?? Self.outsideGrowth
            let factor = 1 + trend + random.normal(mean: 0, sd: 0.02)
            if let output = props["output_wan"]?.doubleValue {
                let earlierOutput = Self.round2(output / factor)
                props["output_wan"] = .double(earlierOutput)
                if props["above_scale"] != nil { props["above_scale"] = .bool(earlierOutput >= 2000) }
            }
            if let tax = props["tax_wan"]?.doubleValue { props["tax_wan"] = .double(Self.round2(tax / factor)) }
            earlier.properties = props
            earlierEnterprises.append(earlier)
        }
        earlierEnterprises += exits

        // Parcel taxes follow their park's trend.
        for k in earlierParcels.indices {
            guard var props = earlierParcels[k].properties, let id = props["id"]?.stringValue,
                  let tax = props["tax_wan"]?.doubleValue, tax > 0, !story.builtToIdle.contains(id) else { continue }
            let park = String(id.prefix { $0 != "-" })
            props["tax_wan"] = .double(Self.round2(tax / (1 + (story.parkGrowth[park] ?? 0.08))))
            earlierParcels[k].properties = props
        }

        let (changedPark, added) = story.positioningChange
        let earlierParks = later.parks.map { park -> Feature in
            guard park[property: "id"]?.stringValue == changedPark, var props = park.properties,
                  let main = props["main_industries"]?.arrayValue else { return park }
            var p = park
            props["main_industries"] = .array(main.filter { $0.stringValue != added })
            p.properties = props
            return p
        }
        let dataset = MianyangDataset(
            districts: later.districts, parks: earlierParks, parcels: earlierParcels, enterprises: earlierEnterprises,
            policy: later.policy, planted: later.planted)
        return (dataset, story)
    }
}
