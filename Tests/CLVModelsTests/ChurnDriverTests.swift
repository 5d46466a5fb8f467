import Testing

@testable import CLVModels

@Suite("Churn drivers")
struct ChurnDriverTests {
    static func warnings(_ codes: WarningCode...) -> [ChurnWarning] {
        codes.map { ChurnWarning(code: $0, severity: .low, baseline: 1, current: 0, windowDays: 182, detail: "") }
    }

    @Test func eachCauseCanDominate() {
        #expect(ChurnDriver.dominant(warnings: [], reasonCounts: [.logistics: 1]) == .logistics)
        // Reasons outweigh the warning that brought them: 2 per classified event.
        #expect(ChurnDriver.dominant(warnings: Self.warnings(.issuesRising), reasonCounts: [.service: 2, .logistics: 1])
            == .service)
        #expect(ChurnDriver.dominant(warnings: Self.warnings(.issuesRising), reasonCounts: [:]) == .productQuality)
        #expect(ChurnDriver.dominant(warnings: Self.warnings(.orderValueDrop, .frequencyDrop), reasonCounts: [:]) == .price)
        #expect(ChurnDriver.dominant(warnings: Self.warnings(.paymentTrouble, .orderValueDrop), reasonCounts: [:])
            == .payment)
        #expect(ChurnDriver.dominant(warnings: Self.warnings(.frequencyDrop, .engagementDrop, .abandonedCart),
                                     reasonCounts: [:]) == .disengagement)
    }

    @Test func issuesWithReasonsGiveNoProductQualityPoint() {
        // issues_rising speaks for product quality only when no issue reason was classified.
        #expect(ChurnDriver.dominant(warnings: Self.warnings(.issuesRising, .abandonedCart), reasonCounts: [.logistics: 1])
            == .logistics)
        #expect(ChurnDriver.dominant(warnings: Self.warnings(.issuesRising, .frequencyDrop), reasonCounts: [.price: 0])
            == .productQuality)
    }

    @Test func tiesFollowTheFixedOrder() {
        // service 4 vs price 4 (a reason plus order_value_drop): service comes first.
        #expect(ChurnDriver.dominant(warnings: Self.warnings(.orderValueDrop), reasonCounts: [.service: 2, .price: 1])
            == .service)
        // payment 3 vs price 2 + 1.
        #expect(ChurnDriver.dominant(warnings: Self.warnings(.paymentTrouble, .orderValueDrop, .abandonedCart),
                                     reasonCounts: [:]) == .payment)
        #expect(ChurnDriver.dominant(warnings: Self.warnings(.abandonedCart, .frequencyDrop), reasonCounts: [:]) == .price)
        #expect(Set(ChurnDriver.tieOrder) == Set(ChurnDriver.allCases) && ChurnDriver.tieOrder.count == 6)
    }

    @Test func noEvidenceNoDriver() {
        #expect(ChurnDriver.dominant(warnings: [], reasonCounts: [:]) == nil)
        #expect(ChurnDriver.dominant(warnings: [], reasonCounts: [.price: 0, .service: -1]) == nil)
    }
}
