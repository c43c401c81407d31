// parkatlas-bench: micro-benchmarks of the toolkit's hot paths.
//
// Usage: parkatlas-bench <benchmark> [options]
//   geojson [--features N] [--file PATH] [--out PATH] [--runs R] [--write no]
//   join --dataset DIR [--threads T]        enterprises-in-parks spatial join
//   gpkg --file PATH [--layer L] [--runs R] [--threads T]   GeoPackage parcels into the model
//   load --dataset DIR|URI [--runs R] [--threads T] [--where SQL]   a whole dataset into the model
//   enterprises [--file PATH] [--runs R] [--threads T] [--peer yes]   enterprises.geojson into the model: time, bytes each
//   steps --dataset DIR [--steps hotspots,agglomeration,check,concentration] [--runs R] [--threads T] [--band M]   analyze's steps one by one
//
// Argument parsing is deliberately trivial (no ArgumentParser): one switch on
// the benchmark name, each benchmark reads its own `--key value` options.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let arguments = Array(CommandLine.arguments.dropFirst())

func usage() -> Never {
    print("usage: parkatlas-bench geojson [--features N] [--file PATH] [--out PATH] [--runs R] [--write no]")
    print("       parkatlas-bench join --dataset DIR [--threads T]")
    print("       parkatlas-bench gpkg --file PATH [--layer L] [--runs R] [--threads T]")
    print("       parkatlas-bench load --dataset DIR|URI [--runs R] [--threads T] [--where SQL]")
    print("       parkatlas-bench enterprises [--file PATH] [--runs R] [--threads T] [--peer yes]")
    print("       parkatlas-bench steps --dataset DIR [--steps hotspots,agglomeration,check,concentration] [--runs R] [--threads T] [--band M]")
    exit(2)
}

guard let benchmark = arguments.first else { usage() }
let options = BenchOptions(Array(arguments.dropFirst()))

do {
    switch benchmark {
    case "geojson":
        try GeoJSONBenchmark(options: options).run()
    case "join":
        try JoinBenchmark(options: options).run()
    case "gpkg":
        try GeoPackageBenchmark(options: options).run()
    case "load":
        try LoadBenchmark(options: options).run()
    case "enterprises":
        try EnterprisesBenchmark(options: options).run()
    case "steps":
        try StepsBenchmark(options: options).run()
    default:
        usage()
    }
} catch {
    print("error: \(error)")
    exit(1)
}
