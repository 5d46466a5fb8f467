import Foundation
import Testing

@testable import CLVModels

@Suite("Churn warnings")
struct ChurnWarningTests {
    static let asOf: Int32 = 20_000

    /// Facts of a customer who bought on `baselineDays` days over the 364 days before the
    /// 182-day window and on `recentDays` days inside it, so the frequency threshold is
    /// 0.8 · baselineDays / 2 recent purchase days.
    static func buyer(baselineDays: Int, recentDays: Int) -> WarningFacts {
        var facts = WarningFacts(asOfDay: asOf)
        facts.firstPurchaseDay = asOf - 182 - 364
        facts.lastPurchaseDay = asOf - 3
        facts.baselinePurchaseDays = baselineDays
        facts.recentPurchaseDays = recentDays
        return facts
    }

    static func fired(_ facts: WarningFacts, _ settings: WarningSettings = .standard) -> [WarningCode: ChurnWarning] {
        Dictionary(uniqueKeysWithValues: ChurnWarning.evaluate(facts, settings: settings).map { ($0.code, $0) })
    }

    @Test func frequencyDropFiresJustBelowItsThreshold() throws {
        // Threshold: 0.8 × 100 / 2 = 40 purchase days in the window.
        let below = try #require(Self.fired(Self.buyer(baselineDays: 100, recentDays: 39))[.frequencyDrop])
        #expect(Self.fired(Self.buyer(baselineDays: 100, recentDays: 40))[.frequencyDrop] == nil)
        #expect(Self.fired(Self.buyer(baselineDays: 100, recentDays: 41))[.frequencyDrop] == nil)
        #expect(abs(below.baseline - 30 * 100 / 364) < 1e-12 && abs(below.current - 30 * 39 / 182) < 1e-12)
        #expect(below.severity == .low && below.windowDays == 182)
        #expect(below.detail == "6.4 purchase days per 30 days in the last 182 days, down from 8.2 before (-22 %)")
        #expect(Self.fired(Self.buyer(baselineDays: 100, recentDays: 33))[.frequencyDrop]?.severity == .medium)
        #expect(Self.fired(Self.buyer(baselineDays: 100, recentDays: 10))[.frequencyDrop]?.severity == .high)
    }

    @Test func frequencyDropNeedsAnEstablishedBaseline() {
        // One baseline purchase day is no rhythm to drop from.
        #expect(Self.fired(Self.buyer(baselineDays: 1, recentDays: 0))[.frequencyDrop] == nil)
        #expect(Self.fired(Self.buyer(baselineDays: 2, recentDays: 0))[.frequencyDrop]?.severity == .high)
        // A baseline shorter than the window is too short to compare.
        var young = Self.buyer(baselineDays: 10, recentDays: 0)
        young.firstPurchaseDay = Self.asOf - 182 - 181
        #expect(Self.fired(young)[.frequencyDrop] == nil)
        young.firstPurchaseDay = Self.asOf - 182 - 182
        #expect(Self.fired(young)[.frequencyDrop] != nil)
    }

    @Test func orderValueDropFiresJustBelowItsThreshold() throws {
        var facts = WarningFacts(asOfDay: Self.asOf)
        facts.baselineOrders = 10
        facts.baselineRevenue = 10_000
        facts.recentOrders = 2
        // Threshold: 0.7 × 1000 = 700 per order, 1400 for two.
        facts.recentRevenue = 1399
        let below = try #require(Self.fired(facts)[.orderValueDrop])
        #expect(below.baseline == 1000 && below.current == 699.5 && below.severity == .low)
        #expect(below.detail.contains("699.5 base-currency minor units") && below.detail.contains("from 1000"))
        facts.recentRevenue = 1400
        #expect(Self.fired(facts)[.orderValueDrop] == nil)
        facts.recentRevenue = 1401
        #expect(Self.fired(facts)[.orderValueDrop] == nil)
        facts.recentRevenue = 500
        #expect(Self.fired(facts)[.orderValueDrop]?.severity == .high)
        facts.recentOrders = 0
        facts.recentRevenue = 0
        #expect(Self.fired(facts)[.orderValueDrop] == nil)
    }

    @Test func engagementDropFiresJustBelowHalf() {
        var facts = WarningFacts(asOfDay: Self.asOf)
        facts.previousEngagement = 10
        facts.recentEngagement = 4
        #expect(Self.fired(facts)[.engagementDrop]?.severity == .low)
        facts.recentEngagement = 5
        #expect(Self.fired(facts)[.engagementDrop] == nil)
        facts.recentEngagement = 0
        #expect(Self.fired(facts)[.engagementDrop]?.severity == .high)
        // 1 -> 0 is below the minimum baseline; 2 -> 0 is not.
        facts.previousEngagement = 1
        #expect(Self.fired(facts)[.engagementDrop] == nil)
        facts.previousEngagement = 2
        #expect(Self.fired(facts)[.engagementDrop] != nil)
    }

    @Test func issuesRisingNeedsMoreThanBefore() {
        var facts = WarningFacts(asOfDay: Self.asOf)
        facts.previousIssues = 1
        facts.recentIssues = 1
        #expect(Self.fired(facts)[.issuesRising] == nil)
        facts.recentIssues = 2
        #expect(Self.fired(facts)[.issuesRising]?.severity == .medium)
        facts.recentIssues = 3
        #expect(Self.fired(facts)[.issuesRising]?.severity == .high)
        facts.previousIssues = 0
        facts.recentIssues = 1
        #expect(Self.fired(facts)[.issuesRising]?.severity == .low)
        facts.recentIssues = 0
        #expect(Self.fired(facts).isEmpty)
    }

    @Test func paymentTroubleCountsFailuresAndCancellations() {
        var facts = WarningFacts(asOfDay: Self.asOf)
        #expect(Self.fired(facts)[.paymentTrouble] == nil)
        facts.recentPaymentFailures = 1
        #expect(Self.fired(facts)[.paymentTrouble]?.severity == .low)
        facts.recentCancellations = 1
        let both = Self.fired(facts)[.paymentTrouble]
        #expect(both?.severity == .medium && both?.current == 2 && both?.windowDays == 90)
        #expect(both?.detail == "2 failed payments or cancelled orders in the last 90 days")
    }

    @Test func abandonedCartCountsOnlyRecentCartsWithNoOrderSince() {
        var facts = WarningFacts(asOfDay: Self.asOf)
        facts.lastCartAbandonedDay = Self.asOf - 29
        #expect(Self.fired(facts)[.abandonedCart]?.current == 29)
        #expect(Self.fired(facts)[.abandonedCart]?.detail == "cart abandoned 29 days ago with no order since")
        facts.lastCartAbandonedDay = Self.asOf - 30
        #expect(Self.fired(facts)[.abandonedCart] == nil)
        facts.lastCartAbandonedDay = Self.asOf - 5
        facts.lastPurchaseDay = Self.asOf - 6
        #expect(Self.fired(facts)[.abandonedCart] != nil)
        facts.lastPurchaseDay = Self.asOf - 5
        #expect(Self.fired(facts)[.abandonedCart] == nil)
        facts.lastPurchaseDay = nil
        facts.lastCartAbandonedDay = Self.asOf + 1
        #expect(Self.fired(facts)[.abandonedCart] == nil)
    }

    @Test func warningsComeInCodeOrder() {
        var facts = Self.buyer(baselineDays: 100, recentDays: 0)
        facts.lastCartAbandonedDay = Self.asOf
        facts.recentPaymentFailures = 4
        facts.recentIssues = 1
        facts.previousEngagement = 6
        facts.baselineOrders = 1
        facts.baselineRevenue = 100
        facts.recentOrders = 1
        facts.recentRevenue = 10
        #expect(ChurnWarning.evaluate(facts, settings: .standard).map(\.code) == WarningCode.allCases)
        #expect(ChurnWarning.evaluate(WarningFacts(asOfDay: Self.asOf), settings: .standard).isEmpty)
    }

    @Test func detailIsWrittenFromTheNumbersUnlessGiven() throws {
        var warning = ChurnWarning(code: .engagementDrop, severity: .low, baseline: 10, current: 4, windowDays: 182)
        #expect(warning.detail == "4 email opens, clicks and site visits in the last 182 days, down from 10 in the 182 days before")
        let json = try JSONEncoder().encode(warning)
        #expect(String(decoding: json, as: UTF8.self).contains("\"detail\":\"4 email opens"))
        #expect(try JSONDecoder().decode(ChurnWarning.self, from: json) == warning)
        warning.detail = "four"
        #expect(warning.detail == "four")
        let decoded = try JSONDecoder().decode(ChurnWarning.self, from: JSONEncoder().encode(warning))
        #expect(decoded.detail == "four" && decoded == warning)
        #expect(decoded != ChurnWarning(code: .engagementDrop, severity: .low, baseline: 10, current: 4, windowDays: 182))
    }

    @Test func settingsAreValidated() {
        #expect(WarningSettings.standard.problem == nil)
        #expect(WarningSettings(windowDays: 0).problem?.contains("windowDays") == true)
        #expect(WarningSettings(frequencyDrop: 1).problem?.contains("frequencyDrop") == true)
        #expect(WarningSettings(engagementRatio: 0).problem?.contains("engagementRatio") == true)
        #expect(WarningSettings(minimumBaselineEngagement: 0).problem?.contains("minimumBaselineEngagement") == true)
        #expect(WarningSeverity.low < .medium && WarningSeverity.medium < .high)
        #expect(WarningSeverity.allCases.max() == .high)
    }
}
