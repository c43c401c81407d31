// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way (each module sees only those to its left):
//   GeoCore <- GeoJSON, GEOS (CGEOS), PROJ (CPROJ), GDAL (CGDAL; CSQLite for GeoPackage R-trees), PostgreSQL (CPQ: libpq)
//   GeoCore, GeoJSON <- LayoutModel (no GEOS or PROJ: plain values, codes, policy; GeoJSON for the
//   enterprises' raw properties) <- Synthesis
//   LayoutModel, GeoJSON, GEOS, PROJ, GDAL, PostgreSQL <- LayoutIO (loading, validation, formats, writing)
//   LayoutModel, GEOS, PROJ <- LayoutAnalysis (every analysis; FullAnalysis)
//   LayoutModel, PROJ <- Cartography (layers, styles, SVG/HTML maps)
//   LayoutIO, LayoutAnalysis, Cartography, Mustache <- Reporting (results as JSON/CSV/tables, the HTML report and park pages)
//   everything <- parkatlas (the CLI: parses options, calls the library, prints)
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
        .library(name: "PostgreSQL", targets: ["PostgreSQL"]),
        .library(name: "LayoutModel", targets: ["LayoutModel"]),
        .library(name: "LayoutIO", targets: ["LayoutIO"]),
        .library(name: "LayoutAnalysis", targets: ["LayoutAnalysis"]),
        .library(name: "Cartography", targets: ["Cartography"]),
        .library(name: "Reporting", targets: ["Reporting"]),
        .library(name: "Synthesis", targets: ["Synthesis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Mustache templates of the HTML report and the park pages (Sources/Reporting/Templates).
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CGEOS", pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"]), .brew(["geos"])]),
        .systemLibrary(
            name: "CPROJ", pkgConfig: "proj",
            providers: [.apt(["libproj-dev"]), .brew(["proj"])]),
        .systemLibrary(
            name: "CPQ", pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]),
        .systemLibrary(
            name: "CGDAL", pkgConfig: "gdal",
            providers: [.apt(["libgdal-dev"]), .brew(["gdal"])]),
        // SQLite (a dependency of libgdal-dev): bulk-loading a written GeoPackage's R-trees.
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        .target(name: "GeoCore"),
        // glibc's mallinfo2 for parkatlas-bench (malloc.h is not in Swift's Glibc module).
        .target(name: "CMallocInfo", path: "Sources/CMallocInfo"),
        .target(name: "GeoJSON", dependencies: ["GeoCore"]),
        .target(name: "GEOS", dependencies: ["CGEOS", "GeoCore"]),
        .target(name: "PROJ", dependencies: ["CPROJ", "GeoCore"]),
        .target(name: "GDAL", dependencies: ["CGDAL", "CSQLite", "GeoCore"]),
        .target(name: "PostgreSQL", dependencies: ["CPQ", "GeoCore"]),
        .target(name: "LayoutModel", dependencies: ["GeoCore", "GeoJSON"]),
        .target(name: "Synthesis", dependencies: ["GeoCore", "LayoutModel"]),
        .target(name: "LayoutIO", dependencies: ["GeoCore", "GeoJSON", "GEOS", "PROJ", "GDAL", "PostgreSQL", "LayoutModel"]),
        .target(name: "LayoutAnalysis", dependencies: ["GeoCore", "GEOS", "PROJ", "LayoutModel"]),
        .target(name: "Cartography", dependencies: ["GeoCore", "PROJ", "LayoutModel"]),
        .target(
            name: "Reporting",
            dependencies: [
                "GeoCore", "GeoJSON", "PROJ", "PostgreSQL", "LayoutModel", "LayoutIO", "LayoutAnalysis", "Cartography",
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .executableTarget(
            name: "parkatlas",
            dependencies: [
                "GeoCore", "GeoJSON", "GEOS", "PROJ", "GDAL", "PostgreSQL", "LayoutModel", "LayoutIO", "LayoutAnalysis", "Cartography", "Reporting", "Synthesis",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "parkatlas-bench",
            dependencies: ["CMallocInfo", "GeoCore", "GeoJSON", "GEOS", "PROJ", "LayoutModel", "LayoutIO", "LayoutAnalysis"]),
        // Test support shared by the test targets: leak-checked base class, fixture comparison, seeded data.
        .target(name: "TestSupport", dependencies: ["GeoCore", "GEOS", "PROJ", "GDAL", "PostgreSQL"], path: "Tests/TestSupport"),
        .testTarget(name: "GeoCoreTests", dependencies: ["GeoCore"]),
        .testTarget(name: "GeoJSONTests", dependencies: ["TestSupport", "GeoJSON", "GeoCore"]),
        .testTarget(name: "GEOSTests", dependencies: ["TestSupport", "GEOS", "GeoCore", "GeoJSON"]),
        .testTarget(name: "PROJTests", dependencies: ["TestSupport", "PROJ", "GeoCore"]),
        .testTarget(name: "GDALTests", dependencies: ["TestSupport", "GDAL", "CGDAL", "CSQLite", "LayoutIO", "GeoJSON", "PROJ", "GeoCore"]),
        .testTarget(name: "LayoutModelTests", dependencies: ["LayoutModel", "GeoJSON", "GeoCore"]),
        .testTarget(name: "SynthesisTests", dependencies: ["Synthesis", "GeoCore", "LayoutModel"]),
        .testTarget(name: "LayoutIOTests", dependencies: ["TestSupport", "LayoutIO", "LayoutModel", "GeoJSON", "GEOS", "PROJ", "GeoCore"]),
        .testTarget(name: "LayoutAnalysisTests", dependencies: ["TestSupport", "LayoutAnalysis", "Reporting", "LayoutIO", "LayoutModel", "GEOS", "PROJ", "GeoCore"]),
        .testTarget(name: "CartographyTests", dependencies: ["Cartography", "LayoutModel", "GeoCore", "PROJ"]),
        // Sees the library products only (no @testable): the README's "Use it from Swift" example.
        .testTarget(name: "LibraryExampleTests", dependencies: ["LayoutIO", "LayoutAnalysis", "Reporting"]),
        // A real PostgreSQL + PostGIS started by the tests (TestSupport/PostgresServer).
        .testTarget(name: "PostGISTests", dependencies: ["TestSupport", "PostgreSQL", "LayoutIO", "LayoutModel", "GeoJSON", "GeoCore"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "GeoJSON", "GeoCore", "GEOS", "Synthesis"]),
    ]
)
