/// Runs CPU-heavy work (fits, scoring) on the global concurrent executor, not on the event loop
/// that serves the call's connection: a long fit must not stall every other call on that loop.
enum ComputeOffLoop {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withTaskExecutorPreference(globalConcurrentExecutor) {
            try await Task { try work() }.value
        }
    }
}
