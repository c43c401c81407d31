import Dispatch

/// A fixed-size output buffer that parallel workers fill at disjoint indices.
final class HotspotBuffer<T>: @unchecked Sendable {
    let pointer: UnsafeMutableBufferPointer<T>
    init(repeating value: T, count: Int) {
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: value)
    }
    deinit {
        pointer.deinitialize()
        pointer.deallocate()
    }
    subscript(i: Int) -> T {
        get { pointer[i] }
        set { pointer[i] = newValue }
    }
    var array: [T] { Array(pointer) }
}
