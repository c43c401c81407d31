/// LeakSanitizer's defaults for the test runner process only (`scripts/sanitize.sh address`).
///
/// At the runner's exit LeakSanitizer reported as leaked the values that the tests' static caches
/// and the XCTest case objects still hold (e.g. `MianyangGeneratorTests.cached`: 4,126 "direct
/// leaks" of 24 bytes, one per parcel geometry). They are reachable. `Geometry` is an `indirect enum`:
/// a value is a pointer to a box with the case number in the pointer's spare high bits
/// (`.polygon` of a box at 0x7b2e237e0010 is stored as 0x80007b2e237e0010), and LeakSanitizer only
/// follows words that are plain addresses, so every live non-`.point` geometry looks unreachable.
/// Five lines reproduce it (a global `indirect enum` value of any case but the first is reported,
/// the first case is not); it does not depend on how the process exits, on PostgresServer or on
/// the merges. LeakSanitizer has no way to untag pointers on x86-64, and a suppression cannot
/// single these out (the allocation stacks are ordinary ParkAtlas code).
///
/// So the runner skips its own at-exit check (this weak runtime hook is defined only in the test
/// runner, which alone links TestSupport), and keeps `detect_leaks`: every `parkatlas` child the
/// tests start is still checked at its exit, and the fuzz targets (Fuzz/) check after every input.
/// `ASAN_OPTIONS`/`LSAN_OPTIONS` in the environment still override it.
@_cdecl("__lsan_default_options")
public func testRunnerLeakSanitizerDefaults() -> UnsafePointer<CChar> {
    // A literal's bytes: nothing here may need the Swift runtime (called before it starts).
    UnsafeRawPointer(("leak_check_at_exit=0" as StaticString).utf8Start).assumingMemoryBound(to: CChar.self)
}
