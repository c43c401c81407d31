import Synchronization

/// Collects the first failure of parallel workers, so the caller can rethrow it
/// once every worker has stopped.
final class FailureBox: Sendable {
    private let first = Mutex<String?>(nil)

    /// The first message recorded, if any.
    var message: String? { first.withLock { $0 } }

    /// Records `message` unless an earlier failure was recorded.
    func set(_ message: String) { first.withLock { if $0 == nil { $0 = message } } }
}
