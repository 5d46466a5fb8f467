import CLVModels
import CLVProto
import Ingestion
import RPC
import Store

/// GetCustomerSegments: the customer placed now, from the current statistics against the last
/// refresh's cut points and rules, next to what that refresh stored.
struct CustomerSegmentsReader: Sendable {
    let pool: PGPool

    func segments(_ request: GetCustomerSegmentsRequest) async throws -> CustomerSegments {
        try CustomerIDRule.check(request.customerID)
        let customerID = request.customerID
        let asOfDay = CalendarDay.today.daysSinceEpoch
        return try await pool.withConnection { connection in
            try connection.withTransaction { connection in
                try connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                guard let refresh = try RefreshRecord.current(on: connection) else {
                    throw RPCError(code: .failedPrecondition, message: "no segment refresh yet: call RefreshSegments (clv segments refresh) first")
                }
                let valuation = try ValuationSource.current(on: connection)
                let rules = refresh.rules
                var found: CustomerFacts?
                let query = CustomerFacts.Query(
                    asOfDay: asOfDay, warnings: rules.warnings, customerID: customerID, scoringID: valuation?.scoringID,
                    previousRefreshID: refresh.refreshID, includeProspects: true)
                try CustomerFacts.read(query, on: connection) { found = $0 }
                guard let facts = found else { throw RPCError(code: .notFound, message: "no customer '\(customerID)' in the store") }

                let assigner = Assigner(rules: rules, asOfDay: asOfDay, valuation: valuation)
                let current = assigner.assign(facts, cuts: refresh.cuts, tiers: refresh.tiers)
                let risk = try ChurnRisk.current(customerID: customerID, on: connection)
                return CustomerSegments(
                    customerID: customerID, current: current.proto(asOf: CalendarDay(daysSinceEpoch: asOfDay).text, churnRisk: risk?.risk),
                    stored: try StoredAssignment.read(customerID: customerID, refresh: refresh, risk: risk?.risk, on: connection),
                    refresh: refresh.proto, facts: Self.facts(facts, asOfDay: asOfDay, probabilityAlive: current.probabilityAlive),
                    stageHistory: try Self.stageHistory(customerID, on: connection), churnModelID: UInt64(risk?.modelID ?? 0))
            }
        }
    }

    static func facts(_ facts: CustomerFacts, asOfDay: Int32, probabilityAlive: Double?) -> CLVProto.CustomerFacts {
        let day = { (day: Int32?) in day.map { CalendarDay(daysSinceEpoch: $0).text } ?? "" }
        return CLVProto.CustomerFacts(
            market: facts.market, acquisitionChannel: facts.channel, hasPurchase: facts.purchaseDays > 0,
            firstPurchaseOn: day(facts.firstPurchaseDay), lastPurchaseOn: day(facts.lastPurchaseDay),
            recencyDays: facts.lastPurchaseDay.map { UInt32(max(0, asOfDay - $0)) } ?? 0,
            tenureDays: facts.firstPurchaseDay.map { UInt32(max(0, asOfDay - $0)) } ?? 0, frequency: UInt32(facts.purchaseDays),
            completedOrders: UInt64(facts.completedOrders), revenueBaseMinor: facts.revenue,
            averageOrderBaseMinor: facts.completedOrders > 0 ? Double(facts.revenue) / Double(facts.completedOrders) : 0,
            probabilityAlive: probabilityAlive ?? 0, hasProbabilityAlive: probabilityAlive != nil,
            evidence: CustomerFacts.reasonDrivers.compactMap { driver in
                facts.reasonCounts[driver].map { DriverEvidence(driver: CLVProto.ChurnDriver(driver), events: UInt32($0)) }
            })
    }

    static func stageHistory(_ customerID: String, on connection: PGConnection) throws -> [StageChange] {
        try connection.query(
            """
            SELECT refresh_id, as_of::text AS as_of, coalesce(from_stage, '') AS from_stage, to_stage
            FROM customer_stage_changes WHERE customer_id = $1 ORDER BY refresh_id DESC LIMIT 100
            """, [.text(customerID)]
        ).map { row in
            StageChange(
                refreshID: UInt64(try row.int("refresh_id")), asOf: try row.string("as_of"),
                fromStage: CLVProto.LifecycleStage(name: try row.string("from_stage")) ?? .unspecified,
                toStage: CLVProto.LifecycleStage(name: try row.string("to_stage")) ?? .unspecified)
        }
    }
}
