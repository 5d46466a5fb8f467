import CLibPQ

/// Owns a `PGcancel` and sends cancel requests with it.
///
/// `@unchecked Sendable` is safe: libpq documents `PQcancel` as safe to call from any thread
/// (it uses only the immutable data copied into the `PGcancel`), the pointer is never mutated,
/// and it is freed only in `deinit`, when no thread can hold a reference any more.
final class PGCancelToken: @unchecked Sendable {
    private let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        PQfreeCancel(pointer)
    }

    /// Asks the server to cancel the statement running on the connection; blocks for one
    /// round trip to the postmaster. Returns whether the request was delivered.
    @discardableResult
    func sendCancel() -> Bool {
        var errorBuffer = [CChar](repeating: 0, count: 256)
        return PQcancel(pointer, &errorBuffer, Int32(errorBuffer.count)) == 1
    }
}
