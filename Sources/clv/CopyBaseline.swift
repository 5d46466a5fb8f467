import CLVProto
import Foundation
import RPC
import Store

/// The same orders written with a plain `COPY`, to compare ingestion with:
/// - into a bare table (no keys, no indexes): the fastest PostgreSQL takes rows;
/// - into a table shaped like `orders`, keys and indexes included, over as many connections as
///   the ingestion used: the floor of any write path that keeps the orders' keys, before
///   validation, the RPC and the derived statistics.
enum CopyBaseline {
    static let bareTable = "bench_copy_orders"
    static let keyedTable = "bench_copy_keyed_orders"

    private static let columns = """
        order_id, customer_id, placed_at, amount_minor, currency, amount_base_minor, gross_margin_minor, \
        cost_minor, margin_base_minor, platform, item_count, status
        """

    /// Seconds the COPY into a bare table took, on one connection. The table is dropped after.
    static func bare(_ orders: [Order], pool: PGPool) async throws -> Double {
        try await pool.execute("DROP TABLE IF EXISTS \(bareTable)")
        try await pool.execute(
            """
            CREATE TABLE \(bareTable) (
                order_id text, customer_id text, placed_at timestamptz, amount_minor bigint, currency text,
                amount_base_minor bigint, gross_margin_minor bigint, cost_minor bigint, margin_base_minor bigint,
                platform text, item_count integer, status text)
            """)
        let seconds = try await timed(copying: [orders], into: bareTable, pool: pool)
        try await pool.execute("DROP TABLE \(bareTable)")
        return seconds
    }

    /// Seconds the COPY of `parts` in parallel, one connection each, into a table like `orders`
    /// (`LIKE orders INCLUDING ALL`: primary key, customer index, checks) took.
    static func keyed(_ parts: [[Order]], pool: PGPool) async throws -> Double {
        try await pool.execute("DROP TABLE IF EXISTS \(keyedTable)")
        try await pool.execute("CREATE TABLE \(keyedTable) (LIKE orders INCLUDING ALL)")
        let seconds = try await timed(copying: parts, into: keyedTable, pool: pool)
        try await pool.execute("DROP TABLE \(keyedTable)")
        return seconds
    }

    private static func timed(copying parts: [[Order]], into table: String, pool: PGPool) async throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        let copied = try await withThrowingTaskGroup(of: Int.self) { group in
            for part in parts {
                group.addTask {
                    try await pool.withConnection { connection in
                        try connection.copyIn("COPY \(table) (\(columns)) FROM STDIN", rows: part.lazy.map(row))
                    }
                }
            }
            return try await group.reduce(0, +)
        }
        let expected = parts.reduce(0) { $0 + $1.count }
        guard copied == expected else {
            throw StoreError(.query, message: "COPY stored \(copied) of \(expected) rows")
        }
        return (clock.now - start).inSeconds
    }

    private static func row(_ order: Order) -> [PGValue] {
        let amount = order.amount!.minorUnits
        return [
            .text(order.orderID), .text(order.customerID),
            .timestamp(Date(timeIntervalSince1970: Double(order.placedAtUnixMs) / 1000)),
            .int(amount), .text(order.amount!.currency), .int(amount),
            PGValue(order.grossMargin?.minorUnits), .null, PGValue(order.grossMargin?.minorUnits),
            .text(order.platform), .int(Int64(order.itemCount)), .text(order.status.name),
        ]
    }
}
