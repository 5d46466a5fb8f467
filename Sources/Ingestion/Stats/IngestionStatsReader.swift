import CLVProto
import Store

/// What the store holds, per kind of record, with rejection counts and latest times.
enum IngestionStatsReader {
    static func read(on connection: PGConnection) throws -> IngestionStats {
        let totals = try connection.query(
            """
            SELECT (SELECT value FROM clv_settings WHERE key = 'base_currency') AS base_currency,
                (SELECT count(*) FROM customers) AS customers,
                (SELECT count(*) FROM customers WHERE NOT described) AS undescribed,
                (SELECT count(*) FROM orders) AS orders,
                (SELECT count(*) FROM events) AS events,
                (SELECT count(*) FROM exchange_rates) AS exchange_rates
            """)[0]
        let counters = try connection.query(
            """
            SELECT kind, rejected, coalesce((extract(epoch FROM latest_at) * 1000)::bigint, 0) AS latest_ms
            FROM ingestion_counters
            """)
        var byKind: [String: (rejected: Int64, latest: Int64)] = [:]
        for row in counters {
            byKind[try row.string("kind")] = (try row.int("rejected"), try row.int("latest_ms"))
        }
        let kinds = try RecordKind.allCases.map { kind in
            RecordKindStats(
                kind: kind.rawValue, stored: UInt64(try totals.int(kind.rawValue)),
                rejected: UInt64(byKind[kind.rawValue]?.rejected ?? 0),
                latestAtUnixMs: byKind[kind.rawValue]?.latest ?? 0)
        }
        return IngestionStats(
            baseCurrency: totals["base_currency"] ?? "", kinds: kinds,
            undescribedCustomers: UInt64(try totals.int("undescribed")))
    }
}
