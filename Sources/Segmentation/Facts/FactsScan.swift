import Dispatch
import Store
import Synchronization

/// Every customer's facts, read on several connections at once — each a range of customer ids —
/// in one snapshot: the first connection exports its snapshot and the others import it, as
/// `pg_dump --jobs` does. The facts statement is one grouped pass whose cost is per customer, so
/// ranges split it evenly across the database's cores, and their rows are parsed in parallel.
enum FactsScan {
    /// What the caller decided inside the snapshot: the query (without ranges: they are set here)
    /// and whatever else it read there.
    struct Plan<Context: Sendable>: Sendable {
        var query: CustomerFacts.Query
        var context: Context
    }

    /// Runs `prepare` in a repeatable-read transaction, then reads the facts of `prepare`'s query
    /// in `parts` ranges of customer ids. Facts come back in range order.
    ///
    /// Each range after the first goes to whichever connection claims it first: another
    /// connection, which imports the snapshot, or the first one once its own range is read. So a
    /// pool with no connection to spare reads every range on the first, never waiting for one.
    static func read<Context: Sendable>(
        pool: PGPool, parts: Int = 2, prepare: @escaping @Sendable (PGConnection) throws -> Plan<Context>
    ) async throws -> (facts: [CustomerFacts], context: Context) {
        let (handoffs, handoff) = AsyncStream.makeStream(of: Handoff<Context>.self)
        let claims = RangeClaims(count: max(0, parts - 1))
        async let first = pool.withConnection { connection in
            defer { handoff.finish() }
            return try connection.withTransaction { connection -> (own: [CustomerFacts], taken: [Int: [CustomerFacts]], Context) in
                try connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                let plan = try prepare(connection)
                let bounds = parts > 1 && plan.query.customerID == nil ? try splitPoints(parts: parts, on: connection) : []
                guard !bounds.isEmpty else { return (try read(plan.query, on: connection), [:], plan.context) }
                let snapshot = try connection.query("SELECT pg_export_snapshot() AS snapshot")[0].string("snapshot")
                guard snapshot.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) || (0x41...0x46).contains($0) })
                else { throw StoreError(.decoding, message: "unexpected snapshot id \(snapshot)") }
                let handed = Handoff(plan: plan, snapshot: snapshot, bounds: bounds)
                handoff.yield(handed)
                handoff.finish()
                let own = try read(handed.query(range: 0), on: connection)
                // The snapshot lives as long as this transaction: read the ranges nobody claimed,
                // and wait until those claimed have imported it (they hold a connection, so at once).
                var taken: [Int: [CustomerFacts]] = [:]
                for range in 1..<handed.ranges {
                    if claims.claim(range) {
                        taken[range] = try read(handed.query(range: range), on: connection)
                    } else {
                        claims.waitUntilImported(range)
                    }
                }
                return (own, taken, plan.context)
            }
        }
        var handed: Handoff<Context>?
        for await next in handoffs { handed = next }
        guard let handed else {
            let (facts, _, context) = try await first
            return (facts, context)
        }
        let imported = try await withThrowingTaskGroup(of: (Int, [CustomerFacts]?).self) { group in
            for range in 1..<handed.ranges {
                let query = handed.query(range: range)
                group.addTask {
                    let facts = try await pool.withConnection { connection -> [CustomerFacts]? in
                        guard claims.claim(range) else { return nil }
                        return try connection.withTransaction { connection in
                            do {
                                defer { claims.imported(range) }
                                try connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                                try connection.execute("SET TRANSACTION SNAPSHOT '\(handed.snapshot)'")
                            }
                            return try read(query, on: connection)
                        }
                    }
                    return (range, facts)
                }
            }
            var parts: [Int: [CustomerFacts]] = [:]
            for try await (range, facts) in group { parts[range] = facts }
            return parts
        }
        let (own, taken, context) = try await first
        let facts = (1..<handed.ranges).reduce(into: own) { facts, range in facts += imported[range] ?? taken[range] ?? [] }
        return (facts, context)
    }

    /// Who reads each range after the first: the first to claim it.
    private final class RangeClaims: Sendable {
        private let claimed: Mutex<Set<Int>>
        private let done: [DispatchSemaphore]

        init(count: Int) {
            claimed = Mutex([])
            done = (0...count).map { _ in DispatchSemaphore(value: 0) }
        }

        /// True when `range` is now the caller's to read.
        func claim(_ range: Int) -> Bool { claimed.withLock { $0.insert(range).inserted } }

        /// The claimant of `range` has imported the snapshot, or failed to.
        func imported(_ range: Int) { done[range].signal() }

        func waitUntilImported(_ range: Int) { done[range].wait() }
    }

    /// What the first connection hands to the others.
    private struct Handoff<Context: Sendable>: Sendable {
        var plan: Plan<Context>
        /// `pg_export_snapshot()`'s id: digits, hyphens and letters only.
        var snapshot: String
        /// The first customer id of ranges 2, 3, …, ascending bytewise.
        var bounds: [String]

        var ranges: Int { bounds.count + 1 }

        /// The query of range `range` (0 is the first).
        func query(range: Int) -> CustomerFacts.Query {
            var query = plan.query
            query.idsFrom = range == 0 ? nil : bounds[range - 1]
            query.idsBefore = range == bounds.count ? nil : bounds[range]
            return query
        }
    }

    private static func read(_ query: CustomerFacts.Query, on connection: PGConnection) throws -> [CustomerFacts] {
        var facts: [CustomerFacts] = []
        try CustomerFacts.read(query, on: connection) { facts.append($0) }
        return facts
    }

    /// `parts − 1` customer ids that cut the customers into ranges of about equal size, from the
    /// planner's histogram of `customers.customer_id` (no scan); none when there are no statistics.
    private static func splitPoints(parts: Int, on connection: PGConnection) throws -> [String] {
        let histogram = try connection.query(
            """
            SELECT bound FROM pg_stats, unnest(histogram_bounds::text::text[]) AS bound
            WHERE schemaname = current_schema() AND tablename = 'customers' AND attname = 'customer_id'
            """
        ).map { try $0.string("bound") }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        guard histogram.count > parts else { return [] }
        let cuts = (1..<parts).map { histogram[$0 * histogram.count / parts] }
        return cuts.enumerated().filter { $0.offset == 0 || cuts[$0.offset - 1] != $0.element }.map(\.element)
    }
}
