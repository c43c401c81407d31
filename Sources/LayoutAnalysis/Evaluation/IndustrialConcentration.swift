import LayoutModel

/// 工业向园区集中: the share of industrial enterprises (GB/T 4754 section C)
/// inside parks, by count and by output (docs/analyses.md §4 `outside-parks`, §6).
/// Ratios 0–1; `nil` when there is no industrial enterprise (or no output).
public struct IndustrialConcentration: Sendable, Hashable {
    /// Industrial enterprises, and those inside some park.
    public var count: Int
    public var countInside: Int
    /// Σ output of industrial enterprises, and of those inside some park, 万元.
    public var output: Double
    public var outputInside: Double

    public var countShare: Double? { count > 0 ? Double(countInside) / Double(count) : nil }
    public var outputShare: Double? { IndustryOutputShares.ratio(outputInside, output) }

    /// - Parameter inPark: whether each enterprise lies in some park.
    public init(enterprises: EnterpriseTable, inPark: [Bool]) {
        self.init(enterprises: enterprises, rows: enterprises.indices, inPark: inPark)
    }

    /// The figures of the enterprises `rows` of `enterprises` (`inPark` per enterprise of the table),
    /// read from the columns with no copy.
    public init<Rows: Sequence>(enterprises: EnterpriseTable, rows: Rows, inPark: [Bool]) where Rows.Element == Int {
        var count = 0, countInside = 0
        var output = 0.0, outputInside = 0.0
        let industrial = enterprises.industryCodes.map { $0.section == "C" }
        let codes = enterprises.industryIndex
        for i in rows where industrial[Int(codes[i])] {
            count += 1
            let o = enterprises.output(at: i) ?? 0
            output += o
            if inPark[i] {
                countInside += 1
                outputInside += o
            }
        }
        self.count = count
        self.countInside = countInside
        self.output = output
        self.outputInside = outputInside
    }
}
