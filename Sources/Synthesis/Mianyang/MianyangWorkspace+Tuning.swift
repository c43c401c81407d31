/// Output adjustments that make the planted share situations certain for every
/// seed while leaving the rest of the city healthy. Scaling keeps each firm's
/// output per employee and tax rate.
extension MianyangWorkspace {
    /// Multiplies output, tax and employees of the selected enterprises by `factor`.
    mutating func scale(_ selected: [Int], by factor: Double) {
        for i in selected {
            var e = enterprises[i].economics
            e.output = LandMix.rounded(e.output * factor, places: 1)
            e.tax = LandMix.rounded(e.tax * factor, places: 2)
            e.employees = max(3, Int((Double(e.employees) * factor).rounded()))
            e.aboveScale = e.output >= EnterpriseEconomics.aboveScaleThreshold
            enterprises[i].economics = e
        }
    }

    func output(_ selected: [Int]) -> Double { selected.reduce(0) { $0 + enterprises[$1].economics.output } }

    /// C13 (food) spread over ≥ 3 parks with no park holding ≥ 40 %
    /// (scattered-industry needs < 50 %).
    mutating func spreadFoodIndustry() {
        var byPark: [Int: [Int]] = [:]
        for (i, e) in enterprises.enumerated() where e.owner != nil && IndustryCatalogue.classes[e.classIndex].code.hasPrefix("C13") {
            byPark[e.owner!, default: []].append(i)
        }
        for _ in 0..<5 {
            let totals = byPark.mapValues { output($0) }
            let total = totals.values.reduce(0, +)
            guard let (top, topOutput) = totals.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }),
                total > 0, topOutput / total >= 0.4
            else { break }
            let others = total - topOutput
            scale(byPark[top]!, by: 0.35 * others / (0.65 * topOutput))
        }
        let parksWithFood = byPark.keys.sorted().map { parks[$0].id }
        planted.append(PlantedSituation(
            rule: "scattered-industry", subjects: ["C13"] + parksWithFood,
            note: "food processing (C13) is main in P08, P09, P10, P12 and featured in P06, P11; its output is spread with no park ≥ 50 %"))
    }

    /// Leading-industry share: P09 held near 0.55, every other park ≥ 0.8.
    mutating func tuneLeadingShares() {
        for park in parks.indices {
            let members = enterprises.indices.filter { enterprises[$0].owner == park }
            let misfits = members.filter { enterprises[$0].misfit }, fits = members.filter { !enterprises[$0].misfit }
            let fit = output(fits), mis = output(misfits)
            guard fit + mis > 0, mis > 0 else { continue }
            let share = fit / (fit + mis)
            if parks[park].id == "P09" {
                if share >= 0.6 { scale(misfits, by: fit * (0.45 / 0.55) / mis) }
                let final = fit / (fit + output(misfits))
                planted.append(PlantedSituation(
                    rule: "leading-industry-share", subjects: ["P09"],
                    note: "P09 盐亭: only ≈ \(Int((final * 100).rounded())) % of output in its main industries C13/C17 (target 70 %)"))
            } else if share < 0.8 {
                scale(misfits, by: fit * (0.12 / 0.88) / mis)
            }
        }
        let misfitIDs = enterprises.indices.filter { enterprises[$0].misfit }.map { Self.enterpriseID($0) }
        planted.append(PlantedSituation(
            rule: "misfit-enterprise", subjects: misfitIDs,
            note: "\(misfitIDs.count) in-park enterprises outside their park's positioning (≈ 5 %; 40 % in P09)"))
    }

    /// Situations that follow from the positioning table and the layout.
    mutating func recordStructuralSituations() {
        planted.append(PlantedSituation(
            rule: "positioning-cap", subjects: ["P04"],
            note: "P04 (provincial) declares three main industries C3974, C3962, C392: 两主两特 allows two"))
        planted.append(PlantedSituation(
            rule: "duplicate-positioning", subjects: ["P01A", "P04"],
            note: "P01A and P04 (a few km apart) both declare display devices C3974 (group C397)"))
        let county = "510722"
        let members = enterprises.filter { $0.county == county }
        let inside = members.count(where: { $0.owner != nil })
        planted.append(PlantedSituation(
            rule: "outside-parks", subjects: [county],
            note: "三台县: only \(inside) of \(members.count) industrial enterprises are in parks (target 80 %)"))
        planted.append(PlantedSituation(
            rule: "low-intensity", subjects: ["P12"],
            note: "P12 平武: industrial building coefficient ≈ 0.2 and industrial FAR ≈ 0.45 (limits 0.30 and 0.6)"))
    }
}
