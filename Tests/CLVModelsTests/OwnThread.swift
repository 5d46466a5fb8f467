import Foundation

/// Runs seconds of CPU work on a thread of its own: a test that computed on the concurrency
/// runtime's few threads would starve every other test of this process of them (timers
/// included) for as long.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
