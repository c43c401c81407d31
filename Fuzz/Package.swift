// swift-tools-version:6.0
// The libFuzzer targets of ParkAtlas (issue 18). A package of its own, beside the product:
// the main package's `swift build` never sees these targets, and they are only built by
// `scripts/fuzz.sh` with `--sanitize=fuzzer --sanitize=address` into `Fuzz/.build`.
// They depend on the main package by path, so they fuzz exactly the code that ships.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which is whatever the clone is called.
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()
let main = root.lastPathComponent

func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: products.map { .product(name: $0, package: main) },
        path: "Sources/\(name)")
}

let package = Package(
    name: "ParkAtlasFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: root.path)],
    targets: [
        fuzzTarget("fuzz-geojson", ["GeoJSON", "GeoCore"]),
        fuzzTarget("fuzz-sequence", ["GeoJSON", "GeoCore"]),
        fuzzTarget("fuzz-parallel", ["GeoJSON", "GeoCore"]),
        fuzzTarget("fuzz-dataset", ["LayoutIO", "LayoutModel", "GEOS", "PROJ", "GeoCore"]),
        fuzzTarget("fuzz-policy", ["LayoutModel", "GeoJSON", "GeoCore"]),
        fuzzTarget("fuzz-mapping", ["LayoutIO", "GeoJSON", "GeoCore"]),
    ]
)
