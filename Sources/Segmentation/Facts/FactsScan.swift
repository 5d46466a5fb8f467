import CLVModels
import CLVService
import Dispatch
import Store
import Synchronization

/// Every customer's facts, for one or more as-of days, from one read of their stored rows on two
/// connections in one snapshot: the first connection exports its snapshot and the second imports
/// it, as `pg_dump --jobs` does. Each reads one part (HistoryRows.Part) — plain table scans whose
/// cost is per row, so the database's two cores share the read — and groups its rows as they
/// arrive; the facts are then computed in Swift, on every core, for each query.
enum FactsScan {
    /// What the caller decided inside the snapshot: the queries (the same customers, scoring and
    /// previous refresh; any as-of days) and whatever else it read there.
    struct Plan<Context: Sendable>: Sendable {
        var queries: [CustomerFacts.Query]
        var context: Context
    }

    /// Runs `prepare` in a repeatable-read transaction, then reads the rows of its queries and
    /// returns each query's facts, in bytewise order of customer ids.
    ///
    /// The second part goes to whichever connection claims it first: another connection, which
    /// imports the snapshot, or the first one once its own part is read. So a pool with no
    /// connection to spare reads both parts on the first, never waiting for one.
    static func read<Context: Sendable>(
        pool: PGPool, prepare: @escaping @Sendable (PGConnection) throws -> Plan<Context>
    ) async throws -> (facts: [[CustomerFacts]], context: Context) {
        let (handoffs, handoff) = AsyncStream.makeStream(of: Handoff.self)
        let claims = PartClaims()
        async let first = pool.withConnection { connection in
            defer { handoff.finish() }
            return try connection.withTransaction { connection -> (own: HistoryRows, withEvents: Bool, Plan<Context>) in
                try connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                let plan = try prepare(connection)
                var request = HistoryRows.Request(plan.queries)
                // The snapshot is only worth sharing when there is much to read.
                guard request.customerID == nil else {
                var rows = try HistoryRows(request, on: connection)
                    for part in HistoryRows.Part.allCases { try rows.read(part, request, on: connection) }
                    return (rows, true, plan)
                }
                let sizes = try connection.query(
                    """
                    SELECT pg_relation_size('customer_event_months') / current_setting('block_size')::int AS blocks,
                        (SELECT greatest(reltuples, 0)::int8 FROM pg_class WHERE oid = 'customer_purchase_days'::regclass) AS purchases,
                        (SELECT greatest(reltuples, 0)::int8 FROM pg_class WHERE oid = 'customer_event_months'::regclass) AS events
                    """)[0]
                let blocks = try sizes.int("blocks")
                // Room reserved, not a limit: an estimate past these is not believed.
                request.estimatedPurchaseRows = Int(min(try sizes.int("purchases"), 50_000_000))
                request.estimatedEventRows = Int(min(try sizes.int("events"), 100_000_000))
                // At least one block each once there are two.
                request.eventsSplitBlock = blocks < 2 ? 0 : max(1, Int64(Double(blocks) * HistoryRows.firstPartEventShare))
                let snapshot = try connection.query("SELECT pg_export_snapshot() AS snapshot")[0].string("snapshot")
                guard snapshot.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) || (0x41...0x46).contains($0) })
                else { throw StoreError(.decoding, message: "unexpected snapshot id \(snapshot)") }
                var rows = try HistoryRows(request, on: connection)
                handoff.yield(Handoff(request: request, snapshot: snapshot, customers: rows))
                handoff.finish()
                try rows.read(.purchases, request, on: connection)
                // The snapshot lives as long as this transaction: read the events if nobody
                // claimed them, or wait until their reader has imported it (it holds a
                // connection, so at once).
                if claims.claim() {
                    try rows.read(.events, request, on: connection)
                    return (rows, true, plan)
                }
                claims.waitUntilImported()
                return (rows, false, plan)
            }
        }
        var handed: Handoff?
        for await next in handoffs { handed = next }
        var imported: HistoryRows?
        if let handed {
            imported = try await pool.withConnection { connection -> HistoryRows? in
                guard claims.claim() else { return nil }
                return try connection.withTransaction { connection in
                    do {
                        defer { claims.imported() }
                        try connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                        try connection.execute("SET TRANSACTION SNAPSHOT '\(handed.snapshot)'")
                    }
                    var rows = handed.customers
                    try rows.read(.events, handed.request, on: connection)
                    return rows
                }
            }
        }
        let (own, withEvents, plan) = try await first
        let rows: HistoryRows
        if withEvents {
            rows = own
        } else {
            guard let imported else { throw StoreError(.query, message: "the event rows were not read") }
            rows = own.withLaterMonths(of: imported)
        }
        let facts = try await ComputeOffLoop.run { computeFacts(rows, queries: plan.queries) }
        return (facts, plan.context)
    }

    /// Each query's facts, computed in parallel over slices of the customers.
    static func computeFacts(_ rows: HistoryRows, queries: [CustomerFacts.Query]) -> [[CustomerFacts]] {
        let bounds = queries.map(CustomerFacts.Query.Bounds.init)
        let parts = ComputeThreads.chunks(count: rows.customers.count, minimumCount: 20_000) { range -> [[CustomerFacts]] in
            var facts = bounds.map { _ in [CustomerFacts]() }
            for index in range {
                let history = rows.history(index)
                for (query, bounds) in bounds.enumerated() {
                    if let customer = CustomerFacts(history, bounds) { facts[query].append(customer) }
                }
            }
            return facts
        }
        return bounds.indices.map { query in parts.flatMap { $0[query] } }
    }

    /// Who reads the second part: the first to claim it.
    private final class PartClaims: Sendable {
        private let claimed = Mutex(false)
        private let done = DispatchSemaphore(value: 0)

        /// True when the part is now the caller's to read.
        func claim() -> Bool { claimed.withLock { claimed in defer { claimed = true }; return !claimed } }

        /// The claimant has imported the snapshot, or failed to.
        func imported() { done.signal() }

        func waitUntilImported() { done.wait() }
    }

    /// What the first connection hands to the second.
    private struct Handoff: Sendable {
        var request: HistoryRows.Request
        /// `pg_export_snapshot()`'s id: digits, hyphens and letters only.
        var snapshot: String
        /// The customers read in the snapshot, whose positions the events are filed under.
        var customers: HistoryRows
    }
}
