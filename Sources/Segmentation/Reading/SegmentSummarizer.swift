import CLVProto
import RPC
import Store

/// SegmentSummary: customers and value per segment, stage, tier, driver and warning of the
/// current refresh, overall and per market or channel, in one grouped pass.
struct SegmentSummarizer: Sendable {
    let pool: PGPool

    func summary(_ request: SegmentSummaryRequest) async throws -> SegmentSummaryResponse {
        let group: String
        switch request.by {
        case .unspecified: group = "''"
        case .market: group = "coalesce(nullif(market, ''), 'unknown')"
        case .channel: group = "coalesce(nullif(acquisition_channel, ''), 'unknown')"
        case .unrecognized(let number): throw RPCError.invalidArgument(field: "by", "\(number) is not a breakdown this service knows")
        }
        return try await pool.withConnection { connection in
            try connection.withTransaction { connection in
                try connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                guard let refresh = try RefreshRecord.current(on: connection) else {
                    throw RPCError(code: .failedPrecondition, message: "no segment refresh yet: call RefreshSegments (clv segments refresh) first")
                }
                var rows: [String: [SummaryRow]] = [:]
                // Overall rows have group ''; per-group rows follow when a breakdown is asked for.
                let sql = """
                    WITH a AS (
                        SELECT \(group) AS grp, coalesce(segment, 'none') AS segment, stage, tier, coalesce(driver, 'none') AS driver,
                               warnings, value
                        FROM segment_assignments WHERE refresh_id = $1
                    ),
                    totals AS (
                        SELECT '' AS grp, count(*) AS customers, sum(value) AS value FROM a
                        UNION ALL SELECT grp, count(*), sum(value) FROM a WHERE grp <> '' GROUP BY grp
                    ),
                    facets AS (
                        SELECT 'segments' AS kind, segment AS name, grp, value FROM a
                        UNION ALL SELECT 'stages', stage, grp, value FROM a
                        UNION ALL SELECT 'tiers', tier, grp, value FROM a
                        UNION ALL SELECT 'drivers', driver, grp, value FROM a
                        UNION ALL SELECT 'warnings', w, grp, value FROM a, unnest(warnings) w
                    ),
                    grouped AS (
                        SELECT kind, name, '' AS grp, count(*) AS customers, sum(value) AS value FROM facets GROUP BY kind, name
                        \(request.by == .unspecified ? "" : "UNION ALL SELECT kind, name, grp, count(*), sum(value) FROM facets GROUP BY kind, name, grp")
                    )
                    SELECT g.kind, g.name, g.grp, g.customers, g.value, t.customers AS group_customers, t.value AS group_value
                    FROM grouped g JOIN totals t USING (grp)
                    ORDER BY g.grp <> '', g.grp, g.kind, g.name
                    """
                for row in try connection.query(sql, [.int(refresh.refreshID)]) {
                    let customers = try row.int("customers")
                    let value = try row.double("value")
                    let groupValue = try row.double("group_value")
                    rows[try row.string("kind"), default: []].append(
                        SummaryRow(
                            name: try row.string("name"), group: try row.string("grp"), customers: UInt64(customers), value: value,
                            valueShare: groupValue > 0 ? value / groupValue : 0, averageValue: customers > 0 ? value / Double(customers) : 0,
                            customerShare: Double(customers) / Double(max(1, try row.int("group_customers")))))
                }
                return SegmentSummaryResponse(
                    refresh: refresh.proto, by: request.by, segments: Self.ordered(rows["segments"], Segment.allCases.map(\.name)),
                    stages: Self.ordered(rows["stages"], CLVProto.LifecycleStage.allCases.map(\.name)),
                    tiers: Self.ordered(rows["tiers"], CLVProto.ValueTier.allCases.map(\.name)),
                    drivers: Self.ordered(rows["drivers"], CLVProto.ChurnDriver.allCases.map(\.name)),
                    warnings: Self.ordered(rows["warnings"], CLVProto.WarningCode.allCases.map(\.name)))
            }
        }
    }

    /// Overall rows first, then each group's, each in the enum's order ("none" last).
    private static func ordered(_ rows: [SummaryRow]?, _ order: [String]) -> [SummaryRow] {
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        return (rows ?? []).sorted { a, b in
            if (a.group.isEmpty) != (b.group.isEmpty) { return a.group.isEmpty }
            if a.group != b.group { return a.group < b.group }
            return rank[a.name, default: order.count] < rank[b.name, default: order.count]
        }
    }
}
