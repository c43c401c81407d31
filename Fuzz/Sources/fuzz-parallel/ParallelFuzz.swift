import Foundation
import GeoCore
import GeoJSON

/// Target 3: the parallel FeatureCollection parser (`GeoJSONReader.forEachFeatureBatch`) with chunks
/// of a few bytes, so that every input is cut at guessed feature starts (`guessFeatureStart`) and the
/// guesses are checked, and with tiny batches. Its result must be exactly the sequential parse of the
/// same bytes: the same features in the same order, the same collection members, the same error
/// thrown, and (in the mode that sets broken features aside) the same feature errors. Any
/// disagreement traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func parallelFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Fixed by the input, so a finding reproduces: 2–4 threads, chunks of 1–32 bytes, batches of 1–3.
    let seed = bytes.reduce(UInt32(size)) { $0 &* 31 &+ UInt32($1) }
    let threads = 2 + Int(seed % 3)
    let chunk = 1 + Int((seed / 3) % 32)
    let batch = 1 + Int((seed / 96) % 3)
    compareThrowing(bytes, threads: threads, chunk: chunk, batch: batch)
    compareSettingAside(bytes, threads: threads, chunk: chunk, batch: batch)
    return 0
}

private enum Outcome: Equatable {
    case collection(FeatureCollection)
    case notACollection
    case failed(GeoJSONError)
}

private func sequential(_ bytes: [UInt8]) -> Outcome {
    do {
        guard case .featureCollection(let collection) = try GeoJSONReader().read(bytes, fileName: "fuzz.geojson") else {
            return .notACollection
        }
        return .collection(collection)
    } catch {
        return .failed(error as! GeoJSONError)
    }
}

private func parallel(
    _ bytes: [UInt8], threads: Int, chunk: Int, batch: Int, featureErrors: ((GeoJSONError) -> Void)? = nil
) -> Outcome {
    var features: [Feature] = []
    var announced: Int?
    do {
        let header = try GeoJSONReader().forEachFeatureBatch(
            bytes, fileName: "fuzz.geojson", threads: threads, batchSize: batch, minimumChunkBytes: chunk,
            transform: { $0 }, announce: { announced = $0 },
            consume: { first, batchFeatures in
                guard first == features.count else { fatalError("batch starts at \(first), \(features.count) features emitted") }
                guard batchFeatures.count <= batch else { fatalError("batch of \(batchFeatures.count) > \(batch)") }
                features += batchFeatures
            },
            featureErrors: featureErrors)
        guard var collection = header else { return .notACollection }
        guard collection.features.isEmpty else { fatalError("the header holds \(collection.features.count) features") }
        if let announced, announced > features.count { fatalError("announced \(announced) features, emitted \(features.count)") }
        collection.features = features
        return .collection(collection)
    } catch {
        return .failed(error as! GeoJSONError)
    }
}

private func compareThrowing(_ bytes: [UInt8], threads: Int, chunk: Int, batch: Int) {
    let expected = sequential(bytes)
    let actual = parallel(bytes, threads: threads, chunk: chunk, batch: batch)
    switch (expected, actual) {
    case (.notACollection, .notACollection): return
    // The parallel reader only reads collections: a Feature or Geometry it declines may still fail to parse.
    case (.failed, .notACollection): return
    default:
        if expected != actual {
            fatalError("parallel parse (\(threads) threads, chunks ≥ \(chunk) B, batches of \(batch)) disagrees:\n  sequential: \(summary(expected))\n  parallel:   \(summary(actual))")
        }
    }
}

private func compareSettingAside(_ bytes: [UInt8], threads: Int, chunk: Int, batch: Int) {
    guard GeoJSONSequence.detectFormat(bytes) == .document else { return }
    var expectedErrors: [GeoJSONError] = []
    let expected: Outcome
    do {
        expected = .collection(try GeoJSONReader().readFeatureCollection(bytes, fileName: "fuzz.geojson", featureErrors: &expectedErrors))
    } catch {
        expected = .failed(error as! GeoJSONError)
    }
    var actualErrors: [GeoJSONError] = []
    let actual = parallel(bytes, threads: threads, chunk: chunk, batch: batch, featureErrors: { actualErrors.append($0) })
    switch (expected, actual) {
    case (.collection, .notACollection), (.failed, .notACollection): return  // a Feature or Geometry, normalised by the sequential reader
    default:
        // Errors set aside before a thrown one are not compared: the two stop at different places.
        if expected != actual || (isCollection(expected) && expectedErrors != actualErrors) {
            fatalError("parallel parse setting errors aside (\(threads) threads, chunks ≥ \(chunk) B, batches of \(batch)) disagrees:\n  sequential: \(summary(expected)), errors \(expectedErrors)\n  parallel:   \(summary(actual)), errors \(actualErrors)")
        }
    }
}

private func isCollection(_ o: Outcome) -> Bool {
    if case .collection = o { return true }
    return false
}

private func summary(_ outcome: Outcome) -> String {
    switch outcome {
    case .collection(let c): "\(c.features.count) features, ids \(c.features.prefix(8).map { $0.id.map(String.init(describing:)) ?? "-" })"
    case .notACollection: "not a FeatureCollection"
    case .failed(let e): "error \(e)"
    }
}
