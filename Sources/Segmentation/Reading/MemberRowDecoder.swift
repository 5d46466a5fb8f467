import CLVProto
import Store

/// Turns a page's binary rows (`MemberPageQuery.sql`'s columns) into members, making each
/// repeated market, channel and warning set once per page.
struct MemberRowDecoder {
    private var markets = CellInterner<String>()
    private var channels = CellInterner<String>()
    private var warnings = CellInterner<[WarningCode]>()

    mutating func member(_ row: PGBinaryRow) throws -> SegmentMember {
        let rfm =
            row.isNull(at: 3)
            ? nil
            : RFMScore(
                recency: UInt32(try row.int(at: 3)), frequency: UInt32(try row.int(at: 4)), monetary: UInt32(try row.int(at: 5)),
                composite: try row.double(at: 6))
        return SegmentMember(
            customerID: try row.string(at: 0),
            market: try markets.value(row, at: 1) { try $0.string(at: $1) },
            acquisitionChannel: try channels.value(row, at: 2) { try $0.string(at: $1) },
            rfm: rfm,
            segment: StoredName.segments.value(try row.bytes(at: 7)) ?? .unspecified,
            stage: StoredName.stages.value(try row.bytes(at: 8)) ?? .unspecified,
            tier: StoredName.tiers.value(try row.bytes(at: 9)) ?? .unspecified,
            value: try row.double(at: 10),
            warnings: try warnings.value(row, at: 11, Self.warningCodes),
            driver: StoredName.drivers.value(try row.bytes(at: 12)) ?? .unspecified,
            churnRisk: row.isNull(at: 13) ? 0 : try row.double(at: 13), hasChurnRisk: !row.isNull(at: 13),
            probabilityAlive: row.isNull(at: 14) ? 0 : try row.double(at: 14), hasProbabilityAlive: !row.isNull(at: 14))
    }

    /// The codes of a `text[]` of warnings, in stored order; a code this build does not know is left out.
    private static func warningCodes(_ row: PGBinaryRow, _ column: Int) throws -> [WarningCode] {
        var codes: [WarningCode] = []
        try row.forEachText(inArrayAt: column) { name in
            if let code = StoredName.warnings.value(name) { codes.append(code) }
        }
        return codes
    }
}
