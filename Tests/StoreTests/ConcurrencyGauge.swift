import Synchronization

/// Counts bodies running at once and remembers the most seen.
final class ConcurrencyGauge: Sendable {
    private let running = Atomic<Int>(0)
    private let highest = Atomic<Int>(0)

    var peak: Int { highest.load(ordering: .relaxed) }

    func measure<T>(_ body: () throws -> T) rethrows -> T {
        let now = running.add(1, ordering: .relaxed).newValue
        defer { running.subtract(1, ordering: .relaxed) }
        highest.max(now, ordering: .relaxed)
        return try body()
    }
}
