import CLVProto
import Store

/// One page of members. A page of every member reads the churn risks of its id range in one
/// index range scan and merges them in order; probing the risks' index once per member (the
/// planner's choice for a join under LIMIT) cost five times the page itself. A page filtered by
/// other criteria, whose ids may lie far apart, probes the risks of its members only; a risk
/// range filters in the join.
enum MemberPageQuery {
    /// The page's query, read in binary (`MemberRowDecoder`); `joiningRisks` false leaves the risks
    /// out (`$10`, `$11` must be NULL).
    static func sql(joiningRisks: Bool) -> String {
        """
        SELECT a.customer_id, coalesce(a.market, ''), coalesce(a.acquisition_channel, ''), a.recency, a.frequency, a.monetary,
               a.composite, coalesce(a.segment, ''), a.stage, a.tier, a.value, a.warnings, coalesce(a.driver, ''),
               \(joiningRisks ? "r.risk" : "NULL::float8"), a.probability_alive
        FROM segment_assignments a
        \(joiningRisks ? riskJoin : "")
        WHERE a.refresh_id = $1 AND ($2::text IS NULL OR a.customer_id > $2)
          AND (cardinality($3::text[]) = 0 OR a.segment = ANY($3))
          AND (cardinality($4::text[]) = 0 OR a.stage = ANY($4))
          AND (cardinality($5::text[]) = 0 OR a.tier = ANY($5))
          AND (cardinality($6::text[]) = 0 OR a.market = ANY($6))
          AND (cardinality($7::text[]) = 0 OR a.acquisition_channel = ANY($7))
          AND (cardinality($8::text[]) = 0 OR a.warnings && $8)
          AND (cardinality($9::text[]) = 0 OR a.driver = ANY($9))
          AND ($10::float8 IS NULL OR \(joiningRisks ? "r.risk" : "NULL") BETWEEN $10 AND $11)
        ORDER BY a.customer_id
        LIMIT $12
        """
    }

    private static let riskJoin =
        "LEFT JOIN customer_churn_risks r ON r.model_id = (SELECT model_id FROM churn_current_model) AND r.customer_id = a.customer_id"

    private static let pageJoiningRisks = sql(joiningRisks: true)
    private static let pageWithoutRisks = sql(joiningRisks: false)

    /// The current model's risks from `$1` to `$2` (bytewise), in that order.
    static let risksInRange = """
        SELECT customer_id, risk FROM customer_churn_risks
        WHERE model_id = (SELECT model_id FROM churn_current_model) AND customer_id >= $1 AND customer_id <= $2
        ORDER BY customer_id
        """

    /// The current model's risks of the customers `$1`.
    static let risksOf = """
        SELECT customer_id, risk FROM customer_churn_risks
        WHERE model_id = (SELECT model_id FROM churn_current_model) AND customer_id = ANY($1::text[])
        ORDER BY customer_id
        """

    /// The members after `after` (from the first for nil). `boundary` hears, as soon as the page's
    /// query has returned, the id of its last member when the page is full (nil otherwise): the
    /// next page starts after it.
    static func page(
        refreshID: Int64, after: String?, filter: MemberFilter, on connection: PGConnection, boundary: (String?) -> Void
    ) throws -> [SegmentMember] {
        var members: [SegmentMember] = []
        members.reserveCapacity(filter.pageSize)
        let parameters: [PGValue] = [
            .int(refreshID), after.map { .text($0) } ?? .null, .textArray(filter.segments), .textArray(filter.stages),
            .textArray(filter.tiers), .textArray(filter.markets), .textArray(filter.channels), .textArray(filter.warnings),
            .textArray(filter.drivers), filter.riskRange.map { .double($0.lowerBound) } ?? .null,
            filter.riskRange.map { .double($0.upperBound) } ?? .null, .int(Int64(filter.pageSize)),
        ]
        let joined = filter.riskRange != nil
        var decoder = MemberRowDecoder()
        try connection.withBinaryRows(joined ? pageJoiningRisks : pageWithoutRisks, parameters) { rows in
            boundary(rows.count == filter.pageSize ? try rows[rows.count - 1].string(at: 0) : nil)
            for row in rows { members.append(try decoder.member(row)) }
        }
        guard !joined, let first = members.first?.customerID, let last = members.last?.customerID else { return members }
        let everyMember = [filter.segments, filter.stages, filter.tiers, filter.markets, filter.channels, filter.warnings, filter.drivers]
            .allSatisfy(\.isEmpty)
        // Both in customer-id order, bytewise: one pass sets each member's risk.
        var index = 0
        try connection.withBinaryRows(
            everyMember ? risksInRange : risksOf, everyMember ? [.text(first), .text(last)] : [.textArray(members.map(\.customerID))]
        ) { rows in
            for row in rows {
                let id = try row.bytes(at: 0)
                while index < members.count, members[index].customerID.withUTF8Bytes({ $0.bytesPrecede(id) }) { index += 1 }
                guard index < members.count, members[index].customerID.withUTF8Bytes({ $0.hasSameBytes(as: id) }) else { continue }
                members[index].churnRisk = try row.double(at: 1)
                members[index].hasChurnRisk = true
            }
        }
        return members
    }
}
