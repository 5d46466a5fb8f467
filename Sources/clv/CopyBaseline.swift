import CLVProto
import Foundation
import Store

/// The same orders written with a plain `COPY` into a bare table (no keys, no indexes) of the
/// same database: the fastest PostgreSQL takes rows, to compare ingestion with.
enum CopyBaseline {
    static let table = "bench_copy_orders"

    /// Seconds the COPY took. The table is created before and dropped after.
    static func run(_ orders: [Order], pool: PGPool) async throws -> Double {
        try await pool.execute("DROP TABLE IF EXISTS \(table)")
        try await pool.execute(
            """
            CREATE TABLE \(table) (
                order_id text, customer_id text, placed_at timestamptz, amount_minor bigint, currency text,
                amount_base_minor bigint, gross_margin_minor bigint, cost_minor bigint, margin_base_minor bigint,
                platform text, item_count integer, status text)
            """)
        let clock = ContinuousClock()
        let start = clock.now
        let copied = try await pool.withConnection { connection in
            try connection.copyIn(
                "COPY \(table) FROM STDIN",
                rows: orders.lazy.map { order -> [PGValue] in
                    let amount = order.amount!.minorUnits
                    return [
                        .text(order.orderID), .text(order.customerID),
                        .timestamp(Date(timeIntervalSince1970: Double(order.placedAtUnixMilliseconds) / 1000)),
                        .int(amount), .text(order.amount!.currency), .int(amount),
                        PGValue(order.grossMargin?.minorUnits), .null, PGValue(order.grossMargin?.minorUnits),
                        .text(order.platform), .int(Int64(order.itemCount)), .text(order.status.name),
                    ]
                })
        }
        let elapsed = clock.now - start
        try await pool.execute("DROP TABLE \(table)")
        guard copied == orders.count else {
            throw StoreError(.query, message: "COPY stored \(copied) of \(orders.count) rows")
        }
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
