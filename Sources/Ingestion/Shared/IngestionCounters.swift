import Store

/// Per-kind rejection counts and latest stored times, updated in the batch's own transaction.
enum IngestionCounters {
    static func record(kind: RecordKind, rejected: Int, latestMilliseconds: Int64?, on connection: PGConnection) throws(StoreError) {
        // One shared row per kind: skip the write (and its row lock) when there is nothing to add.
        guard rejected > 0 || latestMilliseconds != nil else { return }
        try connection.execute(
            """
            UPDATE ingestion_counters
            SET rejected = rejected + $2,
                latest_at = greatest(latest_at, timestamptz 'epoch' + $3::int8 * interval '1 millisecond')
            WHERE kind = $1
            """,
            [.text(kind.rawValue), .int(Int64(rejected)), PGValue(latestMilliseconds)])
    }
}
