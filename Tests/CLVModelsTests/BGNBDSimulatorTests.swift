import Testing

@testable import CLVModels

/// The simulator's lifetime: the purchases `purchaseTimes` draws, plus whether the customer left.
@Suite("BG/NBD simulated lifetimes")
struct BGNBDSimulatorTests {
    @Test func aLifetimeHasThePurchaseTimesOfTheSameDrawsAndLeavesTheGeneratorAlike() {
        let simulator = BGNBDSimulator(parameters: BGNBDParameters(r: 0.6, alpha: 5, a: 0.8, b: 2.5))
        var times = SplitMix64(seed: 42)
        var lifetimes = SplitMix64(seed: 42)
        var leavers = 0
        for _ in 0..<500 {
            let lifetime = simulator.lifetime(age: 60, using: &lifetimes)
            #expect(lifetime.purchaseTimes == simulator.purchaseTimes(age: 60, using: &times))
            if lifetime.droppedOut { leavers += 1 }
        }
        #expect(lifetimes.next() == times.next())
        // E[p] = a / (a + b) ≈ 0.24 per repeat purchase: some leave, most who buy often do.
        #expect(leavers > 50 && leavers < 450)
    }

    @Test func aDropoutProbabilityNearOneLeavesAfterTheFirstRepeatPurchase() {
        let simulator = BGNBDSimulator(parameters: BGNBDParameters(r: 2, alpha: 1, a: 1_000, b: 0.001))
        var generator = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let lifetime = simulator.lifetime(age: 30, using: &generator)
            #expect(lifetime.purchaseTimes.count <= 1)
            #expect(lifetime.droppedOut == !lifetime.purchaseTimes.isEmpty)
        }
    }

    @Test func aDropoutProbabilityNearZeroStaysTillTheEnd() {
        let simulator = BGNBDSimulator(parameters: BGNBDParameters(r: 2, alpha: 1, a: 0.001, b: 1_000))
        var generator = SplitMix64(seed: 7)
        let lifetimes = (0..<200).map { _ in simulator.lifetime(age: 30, using: &generator) }
        #expect(lifetimes.allSatisfy { !$0.droppedOut })
        #expect(lifetimes.allSatisfy { $0.purchaseTimes.allSatisfy { $0 <= 30 } })
        #expect(lifetimes.reduce(0) { $0 + $1.purchaseTimes.count } > 200 * 30)
    }
}
