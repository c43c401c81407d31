import GeoCore
import LayoutAnalysis
import LayoutModel

/// District and functional-zone names by code, for tables people read.
public enum DistrictNames {
    public static func of(_ dataset: Dataset) -> [String: String] {
        Dictionary(dataset.districts.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}
