import CLVProto

/// A customer's segments card as `clv customer` prints it: where they stand now and as last
/// refreshed, why, and how they got there. Money in base-currency minor units.
struct CustomerSegmentsReport: Encodable {
    struct AssignmentReport: Encodable {
        let asOf: String
        @NullWhenUnknown var rfm: RFMReport?
        let segment: String
        let stage: String
        let tier: String
        let valueBaseMinor: Double
        let warnings: [WarningReport]
        let driver: String
        @NullWhenUnknown var churnRisk: Double?

        init(_ assignment: Assignment) {
            asOf = assignment.asOf
            rfm = assignment.rfm.map(RFMReport.init)
            segment = assignment.segment.name
            stage = assignment.stage.name
            tier = assignment.tier.name
            valueBaseMinor = assignment.value
            warnings = assignment.warnings.map(WarningReport.init)
            driver = assignment.driver.name
            churnRisk = assignment.hasChurnRisk ? assignment.churnRisk : nil
        }
    }
    struct WarningReport: Encodable {
        let code: String
        let severity: String
        let baseline: Double
        let current: Double
        let windowDays: UInt32
        let detail: String

        init(_ warning: Warning) {
            code = warning.code.name
            severity = warning.severity.name
            baseline = warning.baseline
            current = warning.current
            windowDays = warning.windowDays
            detail = warning.detail
        }
    }
    struct FactsReport: Encodable {
        let market: String
        let acquisitionChannel: String
        @NullWhenUnknown var firstPurchaseOn: String?
        @NullWhenUnknown var lastPurchaseOn: String?
        let recencyDays: UInt32
        let tenureDays: UInt32
        /// Distinct purchase days.
        let frequency: UInt32
        let completedOrders: UInt64
        let revenueBaseMinor: Int64
        let averageOrderBaseMinor: Double
        @NullWhenUnknown var probabilityAlive: Double?
        /// Driver → issue events pointing to it.
        let evidence: [String: UInt32]

        init(_ facts: CustomerFacts) {
            market = facts.market
            acquisitionChannel = facts.acquisitionChannel
            firstPurchaseOn = facts.hasPurchase ? facts.firstPurchaseOn : nil
            lastPurchaseOn = facts.hasPurchase ? facts.lastPurchaseOn : nil
            recencyDays = facts.recencyDays
            tenureDays = facts.tenureDays
            frequency = facts.frequency
            completedOrders = facts.completedOrders
            revenueBaseMinor = facts.revenueBaseMinor
            averageOrderBaseMinor = facts.averageOrderBaseMinor
            probabilityAlive = facts.hasProbabilityAlive ? facts.probabilityAlive : nil
            evidence = Dictionary(facts.evidence.map { ($0.driver.name, $0.events) }, uniquingKeysWith: +)
        }
    }
    struct StageChangeReport: Encodable {
        let refreshId: UInt64
        let asOf: String
        let from: String
        let to: String
    }
    let customerId: String
    @NullWhenUnknown var current: AssignmentReport?
    /// Null when the last refresh did not hold the customer.
    @NullWhenUnknown var stored: AssignmentReport?
    let refresh: RefreshReport
    let facts: FactsReport
    /// Most recent first.
    let stageHistory: [StageChangeReport]
    let churnModelId: UInt64

    init(_ card: CustomerSegments) {
        customerId = card.customerID
        current = card.current.map(AssignmentReport.init)
        stored = card.stored.map(AssignmentReport.init)
        refresh = RefreshReport(card.refresh ?? Refresh())
        facts = FactsReport(card.facts ?? CustomerFacts())
        stageHistory = card.stageHistory.map {
            StageChangeReport(refreshId: $0.refreshID, asOf: $0.asOf, from: $0.fromStage.name, to: $0.toStage.name)
        }
        churnModelId = card.churnModelID
    }
}
