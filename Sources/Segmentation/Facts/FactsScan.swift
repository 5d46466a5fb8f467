import Dispatch
import Store

/// Every customer's facts, read on several connections at once — each a range of customer ids —
/// in one snapshot: the first connection exports its snapshot and the others import it, as
/// `pg_dump --jobs` does. The facts statement is one grouped pass whose cost is per customer, so
/// ranges split it evenly across the database's cores, and their rows are parsed in parallel.
enum FactsScan {
    /// What the first connection decided inside the snapshot: the query (its ranges are set here)
    /// and whatever else the caller read there.
    struct Plan<Context: Sendable>: Sendable {
        var query: CustomerFacts.Query
        var context: Context
    }

    /// Runs `prepare` in a repeatable-read transaction, then reads the facts of `prepare`'s query
    /// in `parts` ranges of customer ids. Facts come back in range order.
    static func read<Context: Sendable>(
        pool: PGPool, parts: Int = 2, prepare: @escaping @Sendable (PGConnection) throws -> Plan<Context>
    ) async throws -> (facts: [CustomerFacts], context: Context) {
        let (handoffs, handoff) = AsyncStream.makeStream(of: Handoff<Context>.self)
        let imported = DispatchSemaphore(value: 0)
        async let first = pool.withConnection { connection in
            defer { handoff.finish() }
            return try connection.withTransaction { connection in
                try connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                let plan = try prepare(connection)
                let bounds = parts > 1 && plan.query.customerID == nil ? try splitPoints(parts: parts, on: connection) : []
                guard !bounds.isEmpty else { return (try read(plan.query, on: connection), plan.context) }
                let snapshot = try connection.query("SELECT pg_export_snapshot() AS snapshot")[0].string("snapshot")
                guard snapshot.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) || (0x41...0x46).contains($0) })
                else { throw StoreError(.decoding, message: "unexpected snapshot id \(snapshot)") }
                var query = plan.query
                query.idsBefore = bounds[0]
                handoff.yield(Handoff(plan: plan, snapshot: snapshot, bounds: bounds))
                handoff.finish()
                let facts = try read(query, on: connection)
                // The snapshot lives as long as this transaction: wait until every other range has
                // imported it (they signal even when importing fails, so this never waits long).
                for _ in bounds { _ = imported.wait(timeout: .now() + 60) }
                return (facts, plan.context)
            }
        }
        var handed: Handoff<Context>?
        for await next in handoffs { handed = next }
        guard let handed else { return try await first }
        let ranges = zip(handed.bounds, handed.bounds.dropFirst().map(Optional.some) + [nil]).map { ($0, $1) }
        let rest = try await withThrowingTaskGroup(of: (Int, [CustomerFacts]).self) { group in
            for (index, range) in ranges.enumerated() {
                var ranged = handed.plan.query
                (ranged.idsFrom, ranged.idsBefore) = range
                let query = ranged
                group.addTask {
                    let facts = try await pool.withConnection { connection in
                        try connection.withTransaction { connection in
                            do {
                                defer { imported.signal() }
                                try connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                                try connection.execute("SET TRANSACTION SNAPSHOT '\(handed.snapshot)'")
                            }
                            return try read(query, on: connection)
                        }
                    }
                    return (index, facts)
                }
            }
            var parts = [[CustomerFacts]](repeating: [], count: ranges.count)
            for try await (index, facts) in group { parts[index] = facts }
            return parts
        }
        let (facts, context) = try await first
        return (rest.reduce(into: facts) { $0 += $1 }, context)
    }

    /// What the first connection hands to the others.
    private struct Handoff<Context: Sendable>: Sendable {
        var plan: Plan<Context>
        /// `pg_export_snapshot()`'s id: digits, hyphens and letters only.
        var snapshot: String
        /// The first customer id of ranges 2, 3, …, ascending bytewise.
        var bounds: [String]
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
