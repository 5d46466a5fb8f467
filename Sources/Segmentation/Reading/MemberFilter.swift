import CLVProto
import RPC
import Store

/// A listing's filters, checked at the door: every enum value named, risk bounds within 0–1.
struct MemberFilter: Sendable {
    var segments: [String]
    var stages: [String]
    var tiers: [String]
    var markets: [String]
    var channels: [String]
    var warnings: [String]
    var drivers: [String]
    var riskRange: ClosedRange<Double>?
    var pageSize: Int

    init(_ request: ListSegmentMembersRequest) throws(RPCError) {
        segments = try Self.names(request.segments, field: "segments") { $0 == .unspecified ? nil : $0.name }
        stages = try Self.names(request.stages, field: "stages") { $0 == .unspecified ? nil : $0.name }
        tiers = try Self.names(request.tiers, field: "tiers") { $0 == .unspecified ? nil : $0.name }
        warnings = try Self.names(request.warnings, field: "warnings") { $0 == .unspecified ? nil : $0.name }
        drivers = try Self.names(request.drivers, field: "drivers") { $0 == .unspecified ? nil : $0.name }
        for (index, market) in request.markets.enumerated() where market.isEmpty || market.utf8.count > 64 || market.contains("\0") {
            throw .invalidArgument(field: "markets[\(index)]", "must be a market code as stored (1–64 bytes, no NUL)")
        }
        for (index, channel) in request.acquisitionChannels.enumerated()
        where channel.isEmpty || channel.utf8.count > 200 || channel.contains("\0") {
            throw .invalidArgument(field: "acquisition_channels[\(index)]", "must be a channel as stored (1–200 bytes, no NUL)")
        }
        markets = request.markets
        channels = request.acquisitionChannels
        if request.hasRiskRange {
            guard request.minRisk.isFinite, request.maxRisk.isFinite, request.minRisk >= 0, request.maxRisk <= 1,
                request.minRisk <= request.maxRisk
            else { throw .invalidArgument(field: "min_risk", "the risk range must satisfy 0 ≤ min_risk ≤ max_risk ≤ 1") }
            riskRange = request.minRisk...request.maxRisk
        }
        switch request.pageSize {
        case 0: pageSize = MemberLister.defaultPageSize
        case 1...UInt32(MemberLister.maximumPageSize): pageSize = Int(request.pageSize)
        default: throw .invalidArgument(field: "page_size", "must be 1 to \(MemberLister.maximumPageSize) (0 for \(MemberLister.defaultPageSize))")
        }
    }

    /// The stored names of `values`; unspecified or unknown numbers are INVALID_ARGUMENT naming the element.
    private static func names<Value: RawRepresentable<Int32>>(
        _ values: [Value], field: String, _ name: (Value) -> String?
    ) throws(RPCError) -> [String] {
        var names: [String] = []
        for (index, value) in values.enumerated() {
            guard let text = name(value), Int32(text) == nil else {
                throw .invalidArgument(field: "\(field)[\(index)]", "\(value.rawValue) is not a value this service knows")
            }
            names.append(text)
        }
        return names
    }
}

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
            let warnings = try row.string(at: 11).trimmingCharacters(in: ["{", "}"]).split(separator: ",").compactMap {
                StoredName.warnings[String($0)]
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
