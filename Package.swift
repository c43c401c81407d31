// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way:
//   GeoCore <- GeoJSON, GEOS, PROJ, GDAL <- LayoutModel/LayoutIO <- analyses <- parkatlas (CLI)
let package = Package(
    name: "ParkAtlas",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "parkatlas", targets: ["parkatlas"]),
        .library(name: "GeoCore", targets: ["GeoCore"]),
        .library(name: "GeoJSON", targets: ["GeoJSON"]),
        .library(name: "GEOS", targets: ["GEOS"]),
        .library(name: "PROJ", targets: ["PROJ"]),
        .library(name: "GDAL", targets: ["GDAL"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGEOS", pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"]), .brew(["geos"])]),
        .systemLibrary(
            name: "CPROJ", pkgConfig: "proj",
            providers: [.apt(["libproj-dev"]), .brew(["proj"])]),
        .systemLibrary(
            name: "CGDAL", pkgConfig: "gdal",
            providers: [.apt(["libgdal-dev"]), .brew(["gdal"])]),
        .target(name: "GeoCore"),
        .target(name: "GeoJSON", dependencies: ["GeoCore"]),
        .target(name: "GEOS", dependencies: ["CGEOS", "GeoCore"]),
        .target(name: "PROJ", dependencies: ["CPROJ", "GeoCore"]),
        .target(name: "GDAL", dependencies: ["CGDAL", "GeoCore"]),
        .target(name: "LayoutModel", dependencies: ["GeoCore"]),
        .target(name: "Synthesis", dependencies: ["GeoCore", "LayoutModel"]),
        .target(name: "LayoutIO", dependencies: ["GeoCore", "GeoJSON", "GEOS", "PROJ", "GDAL", "LayoutModel"]),
        .target(name: "LayoutAnalysis", dependencies: ["GeoCore", "GEOS", "PROJ", "LayoutModel"]),
        .target(name: "Cartography", dependencies: ["GeoCore", "PROJ", "LayoutModel"]),
        .executableTarget(
            name: "parkatlas",
            dependencies: [
                "GeoCore", "GeoJSON", "GEOS", "PROJ", "GDAL", "LayoutModel", "LayoutIO", "LayoutAnalysis", "Cartography", "Synthesis",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "parkatlas-bench",
            dependencies: ["GeoCore", "GeoJSON", "GEOS", "PROJ", "LayoutModel", "LayoutIO", "LayoutAnalysis"]),
        .testTarget(name: "GeoCoreTests", dependencies: ["GeoCore"]),
        .testTarget(name: "GeoJSONTests", dependencies: ["GeoJSON", "GeoCore"]),
        .testTarget(name: "GEOSTests", dependencies: ["GEOS", "GeoCore", "GeoJSON"]),
        .testTarget(name: "PROJTests", dependencies: ["PROJ", "GeoCore"]),
        .testTarget(name: "GDALTests", dependencies: ["GDAL", "LayoutIO", "GeoJSON", "PROJ", "GeoCore"]),
        .testTarget(name: "LayoutModelTests", dependencies: ["LayoutModel", "GeoCore"]),
        .testTarget(name: "SynthesisTests", dependencies: ["Synthesis", "GeoCore", "LayoutModel"]),
        .testTarget(name: "LayoutIOTests", dependencies: ["LayoutIO", "LayoutModel", "GeoJSON", "GEOS", "PROJ", "GeoCore"]),
        .testTarget(name: "LayoutAnalysisTests", dependencies: ["LayoutAnalysis", "LayoutIO", "LayoutModel", "GEOS", "PROJ", "GeoCore"]),
        .testTarget(name: "CartographyTests", dependencies: ["Cartography", "LayoutModel", "GeoCore", "PROJ"]),
        .testTarget(name: "CLITests", dependencies: ["GeoJSON", "GeoCore", "GEOS", "Synthesis"]),
    ]
)
