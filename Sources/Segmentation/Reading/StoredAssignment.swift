import CLVProto
import Store

/// One customer's assignment as a refresh stored it.
enum StoredAssignment {
    static func read(customerID: String, refresh: RefreshRecord, risk: Double?, on connection: PGConnection) throws -> Assignment? {
        guard
            let row = try connection.query(
                """
                SELECT recency, frequency, monetary, composite, coalesce(segment, '') AS segment, stage, tier, value,
                       evidence::text AS evidence, coalesce(driver, '') AS driver
                FROM segment_assignments WHERE refresh_id = $1 AND customer_id = $2
                """, [.int(refresh.refreshID), .text(customerID)]
            ).first
        else { return nil }
        let rfm =
            try row.isNull("recency")
            ? nil
            : RFMScore(
                recency: UInt32(try row.int("recency")), frequency: UInt32(try row.int("frequency")),
                monetary: UInt32(try row.int("monetary")), composite: try row.double("composite"))
        return Assignment(
            asOf: refresh.asOf, rfm: rfm, segment: Segment(name: try row.string("segment")) ?? .unspecified,
            stage: CLVProto.LifecycleStage(name: try row.string("stage")) ?? .unspecified,
            tier: CLVProto.ValueTier(name: try row.string("tier")) ?? .unspecified,
            warnings: WarningJSON.decode(try row.string("evidence")).map(Warning.init),
            driver: CLVProto.ChurnDriver(name: try row.string("driver")) ?? .unspecified, churnRisk: risk ?? 0, hasChurnRisk: risk != nil,
            value: try row.double("value"))
    }
}
