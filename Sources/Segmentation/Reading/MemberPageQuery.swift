import CLVProto
import Store

/// One page of members.
enum MemberPageQuery {
    static let sql = """
        SELECT a.customer_id, coalesce(a.market, ''), coalesce(a.acquisition_channel, ''), a.recency, a.frequency, a.monetary,
               a.composite, coalesce(a.segment, ''), a.stage, a.tier, a.value, a.warnings::text, coalesce(a.driver, ''), r.risk,
               a.probability_alive
        FROM segment_assignments a
        LEFT JOIN customer_churn_risks r ON r.model_id = (SELECT model_id FROM churn_current_model) AND r.customer_id = a.customer_id
        WHERE a.refresh_id = $1 AND ($2::text IS NULL OR a.customer_id > $2)
          AND (cardinality($3::text[]) = 0 OR a.segment = ANY($3))
          AND (cardinality($4::text[]) = 0 OR a.stage = ANY($4))
          AND (cardinality($5::text[]) = 0 OR a.tier = ANY($5))
          AND (cardinality($6::text[]) = 0 OR a.market = ANY($6))
          AND (cardinality($7::text[]) = 0 OR a.acquisition_channel = ANY($7))
          AND (cardinality($8::text[]) = 0 OR a.warnings && $8)
          AND (cardinality($9::text[]) = 0 OR a.driver = ANY($9))
          AND ($10::float8 IS NULL OR r.risk BETWEEN $10 AND $11)
        ORDER BY a.customer_id
        LIMIT $12
        """

    static func page(refreshID: Int64, after: String?, filter: MemberFilter, on connection: PGConnection) throws -> [SegmentMember] {
        var members: [SegmentMember] = []
        members.reserveCapacity(filter.pageSize)
        let parameters: [PGValue] = [
            .int(refreshID), after.map { .text($0) } ?? .null, .textArray(filter.segments), .textArray(filter.stages),
            .textArray(filter.tiers), .textArray(filter.markets), .textArray(filter.channels), .textArray(filter.warnings),
            .textArray(filter.drivers), filter.riskRange.map { .double($0.lowerBound) } ?? .null,
            filter.riskRange.map { .double($0.upperBound) } ?? .null, .int(Int64(filter.pageSize)),
        ]
        try connection.forEachRow(sql, parameters) { row in
            let rfm =
                row.isNull(at: 3)
                ? nil
                : RFMScore(
                    recency: UInt32(try row.int(at: 3)), frequency: UInt32(try row.int(at: 4)), monetary: UInt32(try row.int(at: 5)),
                    composite: try row.double(at: 6))
            // `{frequency_drop,issues_rising}`: the codes need no quoting, so commas split them.
            let warnings = try row.string(at: 11).utf8.dropFirst().dropLast().split(separator: UInt8(ascii: ",")).compactMap {
                StoredName.warnings[String(Substring($0))]
            }
            let risk = row.isNull(at: 13) ? nil : try row.double(at: 13)
            let alive = row.isNull(at: 14) ? nil : try row.double(at: 14)
            members.append(
                SegmentMember(
                    customerID: try row.string(at: 0), market: try row.string(at: 1), acquisitionChannel: try row.string(at: 2), rfm: rfm,
                    segment: StoredName.segments[try row.string(at: 7)] ?? .unspecified,
                    stage: StoredName.stages[try row.string(at: 8)] ?? .unspecified,
                    tier: StoredName.tiers[try row.string(at: 9)] ?? .unspecified, value: try row.double(at: 10),
                    warnings: warnings, driver: StoredName.drivers[try row.string(at: 12)] ?? .unspecified,
                    churnRisk: risk ?? 0, hasChurnRisk: risk != nil, probabilityAlive: alive ?? 0, hasProbabilityAlive: alive != nil))
        }
        return members
    }
}

/// The wire values of the names the store holds, looked up once per member cell.
enum StoredName {
    static let segments = table(Segment.self)
    static let stages = table(CLVProto.LifecycleStage.self)
    static let tiers = table(CLVProto.ValueTier.self)
    static let warnings = table(CLVProto.WarningCode.self)
    static let drivers = table(CLVProto.ChurnDriver.self)

    private static func table<Value: CaseIterable & Sendable>(_: Value.Type) -> [String: Value] where Value: StoredNaming {
        Dictionary(uniqueKeysWithValues: Value.allCases.map { ($0.name, $0) })
    }
}

/// The generated enums' lower-case names, as a requirement.
protocol StoredNaming { var name: String { get } }
extension Segment: StoredNaming {}
extension CLVProto.LifecycleStage: StoredNaming {}
extension CLVProto.ValueTier: StoredNaming {}
extension CLVProto.WarningCode: StoredNaming {}
extension CLVProto.ChurnDriver: StoredNaming {}
