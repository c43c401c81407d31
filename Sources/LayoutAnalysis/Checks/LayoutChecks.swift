import LayoutModel

/// The layout-consolidation checks of `parkatlas check` (docs/analyses.md §4):
/// every rule of the table, thresholds from the policy (`CheckThresholds`).
///
/// Conventions shared by the rules (each rule's doc comment has its own):
/// - An enterprise's park is the smallest park covering its point
///   (`ParkMembership`, a sub-park before its parent).
/// - "Matches" means a park's main or featured code covers the enterprise's
///   code (`IndustryCode.covers`: `C39` covers `C3974`, `C397` does not cover `C3981`).
/// - Areas are ellipsoidal m² on GRS80; distances are planar metres in the
///   dataset's local metric frame (`MetricFrame`, reported as `crs`).
/// - Comparisons with a threshold: a share/ratio target ("at least") is missed
///   when the value is strictly below it; a limit ("more than") is broken when
///   the value is strictly above it; `scattered-industry` counts parks with ≥
///   and shares with < as the spec's "≥ 3 parks with none holding ≥ 50 %"; the
///   duplicate-positioning distance is inclusive (≤ 20 km).
/// - Rules on enterprises are skipped when the dataset has no
///   `enterprises.geojson`, rules on parcels when it has no `parcels.geojson`
///   (listed in `CheckReport.skippedRules`).
///
/// Results are identical for any thread count: parallel work writes per-item
/// slots, sums run in dataset order.
public enum LayoutChecks {
    /// Runs every rule.
    /// - Parameters:
    ///   - thresholds: usually `dataset.policy.checks`; `check --policy FILE` passes another policy's.
    ///   - threads: worker threads (≥ 1).
    public static func run(dataset: Dataset, thresholds: CheckThresholds? = nil, threads: Int = 2) throws -> CheckReport {
        let c = try CheckContext(dataset: dataset, thresholds: thresholds ?? dataset.policy.checks, threads: threads)
        let placement = ParcelPlacement(context: c)
        var findings: [Finding] = []
        findings += PositioningCapRule.evaluate(c)
        findings += LeadingIndustryShareRule.evaluate(c)
        findings += try MisfitEnterpriseRule.evaluate(c)
        findings += ScatteredIndustryRule.evaluate(c)
        findings += try DuplicatePositioningRule.evaluate(c)
        findings += try OutsideParksRule.evaluate(c)
        findings += try ChemicalOutsideChemicalParkRule.evaluate(c)
        findings += try ParkOverlapRule.evaluate(c)
        findings += try ParkOutsideDistrictRule.evaluate(c)
        findings += try ParcelOverlapRule.evaluate(c, placement: placement)
        findings += try ParcelOutsideParkRule.evaluate(c, placement: placement)
        findings += try IdleLandRule.evaluate(c, placement: placement)
        findings += LowIntensityRule.evaluate(c)
        var skipped: [CheckRule] = []
        if !dataset.hasEnterprises {
            skipped += [.leadingIndustryShare, .misfitEnterprise, .scatteredIndustry, .outsideParks, .chemicalOutsideChemicalPark]
        }
        if !dataset.hasParcels { skipped += [.parcelOverlap, .parcelOutsidePark, .idleLand, .lowIntensity] }
        return CheckReport(dataset: dataset, findings: findings, skippedRules: skipped, crs: c.frame.label)
    }
}
