import Foundation

/// Runs seconds of CPU work on a thread of its own: a test that computed on the concurrency
/// runtime's few threads would starve every other test of this process of them (timers
/// included) for as long.
///
/// One such computation at a time: each already spreads over every core, and several at once
/// would crowd out the servers and databases of the tests that run beside them.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            heavyComputation.wait()
            let result = Result { try body() }
            heavyComputation.signal()
            continuation.resume(with: result)
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
}

private let heavyComputation = DispatchSemaphore(value: 1)
