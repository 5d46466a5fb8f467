import Testing

@testable import CLVModels

@Suite("Lifecycle stages")
struct LifecycleStageTests {
    static let asOf: Int32 = 20_000

    /// A customer whose first and last purchases were `first` and `last` days before asOf.
    static func facts(
        first: Int32?, last: Int32? = nil, days: Int, alive: Double? = nil, previous: LifecycleStage? = nil
    ) -> LifecycleFacts {
        LifecycleFacts(
            asOfDay: asOf, firstPurchaseDay: first.map { asOf - $0 }, lastPurchaseDay: (last ?? first).map { asOf - $0 },
            purchaseDays: days, probabilityAlive: alive, previousStage: previous)
    }

    static func stage(_ facts: LifecycleFacts, _ settings: LifecycleSettings = .standard) -> LifecycleStage {
        LifecycleStage(facts, settings: settings)
    }

    @Test func everyStageIsReachable() {
        #expect(Self.stage(Self.facts(first: nil, days: 0)) == .prospect)
        #expect(Self.stage(Self.facts(first: 10, days: 1)) == .new)
        #expect(Self.stage(Self.facts(first: 60, last: 5, days: 4)) == .new)
        #expect(Self.stage(Self.facts(first: 200, last: 5, days: 4)) == .developing)
        #expect(Self.stage(Self.facts(first: 400, last: 5, days: 9)) == .mature)
        #expect(Self.stage(Self.facts(first: 400, last: 200, days: 9)) == .dormant)
        #expect(Self.stage(Self.facts(first: 800, last: 400, days: 9)) == .churned)
        #expect(Self.stage(Self.facts(first: 800, last: 10, days: 9, previous: .dormant)) == .reactivated)
        #expect(Self.stage(Self.facts(first: 800, last: 10, days: 9, previous: .churned)) == .reactivated)
    }

    @Test func dayThresholdsStartAtTheirDay() {
        #expect(Self.stage(Self.facts(first: 400, last: 179, days: 3)) == .mature)
        #expect(Self.stage(Self.facts(first: 400, last: 180, days: 3)) == .dormant)
        #expect(Self.stage(Self.facts(first: 400, last: 364, days: 3)) == .dormant)
        #expect(Self.stage(Self.facts(first: 400, last: 365, days: 3)) == .churned)
        #expect(Self.stage(Self.facts(first: 89, last: 1, days: 3)) == .new)
        #expect(Self.stage(Self.facts(first: 90, last: 1, days: 3)) == .developing)
        #expect(Self.stage(Self.facts(first: 364, last: 1, days: 3)) == .developing)
        #expect(Self.stage(Self.facts(first: 365, last: 1, days: 3)) == .mature)
    }

    @Test func probabilityAliveMakesAFortnightlyBuyerDormantSooner() {
        // BG/NBD in days. Both customers have been silent for 75 days, well short of dormantDays.
        let model = BGNBDModel(parameters: BGNBDParameters(r: 0.5, alpha: 20, a: 0.6, b: 2.5))
        let fortnightly = model.probabilityAlive(PurchaseHistory(frequency: 25, recency: 350, age: 425))
        let twiceAYear = model.probabilityAlive(PurchaseHistory(frequency: 2, recency: 365, age: 440))
        #expect(fortnightly < 0.5 && fortnightly > 0.2 && twiceAYear > 0.5)
        #expect(Self.stage(Self.facts(first: 425, last: 75, days: 26, alive: fortnightly)) == .dormant)
        #expect(Self.stage(Self.facts(first: 440, last: 75, days: 3, alive: twiceAYear)) == .mature)
        // Without a model both are simply mature.
        #expect(Self.stage(Self.facts(first: 425, last: 75, days: 26)) == .mature)
        #expect(Self.stage(Self.facts(first: 425, last: 75, days: 26, alive: 0.1)) == .churned)
        // P(alive) rules over the days: a high one keeps a long-silent repeat buyer active.
        #expect(Self.stage(Self.facts(first: 900, last: 400, days: 5, alive: 0.9)) == .mature)
    }

    @Test func oneTimeBuyersUseTheDayThresholds() {
        // BG/NBD gives P(alive) = 1 to anyone without a repeat purchase; it must not keep them new forever.
        #expect(Self.stage(Self.facts(first: 200, days: 1, alive: 1)) == .dormant)
        #expect(Self.stage(Self.facts(first: 400, days: 1, alive: 1)) == .churned)
        #expect(Self.stage(Self.facts(first: 150, days: 1, alive: 1)) == .new)
    }

    @Test func reactivationLastsTheNewCustomerWindow() {
        #expect(Self.stage(Self.facts(first: 800, last: 89, days: 9, previous: .reactivated)) == .reactivated)
        #expect(Self.stage(Self.facts(first: 800, last: 90, days: 9, previous: .reactivated)) == .mature)
        #expect(Self.stage(Self.facts(first: 800, last: 10, days: 9, previous: .mature)) == .mature)
        // Still inactive: the previous stage does not matter.
        #expect(Self.stage(Self.facts(first: 800, last: 400, days: 9, previous: .dormant)) == .churned)
    }

    @Test func longerWindowsOfTheSourceMaterial() {
        let long = LifecycleSettings(newWindowDays: 180, dormantDays: 365, churnedDays: 730)
        #expect(long.problem == nil)
        #expect(Self.stage(Self.facts(first: 150, last: 5, days: 4), long) == .new)
        #expect(Self.stage(Self.facts(first: 900, last: 400, days: 9), long) == .dormant)
        #expect(Self.stage(Self.facts(first: 900, last: 730, days: 9), long) == .churned)
    }

    @Test func settingsAreValidated() {
        #expect(LifecycleSettings.standard.problem == nil)
        #expect(LifecycleSettings(dormantDays: 365, churnedDays: 365).problem?.contains("churnedDays") == true)
        #expect(LifecycleSettings(newWindowDays: 0).problem?.contains("newWindowDays") == true)
        #expect(LifecycleSettings(dormantBelowProbabilityAlive: 1).problem?.contains("(0, 1)") == true)
        #expect(LifecycleSettings(churnedBelowProbabilityAlive: 0.5).problem?.contains("below") == true)
    }
}
