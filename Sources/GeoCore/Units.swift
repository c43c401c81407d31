/// Area unit conversions used in reports.
///
/// 1 亩 (mu) = 10000/15 m² ≈ 666.667 m² (the statutory market mu, 市亩);
/// 1 ha = 10 000 m²; 1 km² = 1 000 000 m².
public enum AreaUnit {
    public static let squareMetresPerMu = 10_000.0 / 15.0
    public static let squareMetresPerHectare = 10_000.0
    public static let squareMetresPerSquareKilometre = 1_000_000.0

    public static func hectares(fromSquareMetres m2: Double) -> Double { m2 / squareMetresPerHectare }
    public static func mu(fromSquareMetres m2: Double) -> Double { m2 / squareMetresPerMu }
}
