import Foundation
import Testing

@testable import CLVModels

@Suite("Pareto/NBD")
struct ParetoNBDTests {
    /// Fader, Hardie & Lee's CDNOW estimates (weeks).
    static let cdnow = ParetoNBDParameters(r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67)

    @Test func likelihoodMatchesDirectIntegrationForBothBranches() {
        // With α = β the hypergeometric terms are 1, so A₀ has a closed form to compare with.
        let equal = ParetoNBDParameters(r: 0.7, alpha: 9, s: 0.8, beta: 9)
        let history = PurchaseHistory(frequency: 3, recency: 20, age: 40)
        let (r, alpha, s) = (0.7, 9.0, 0.8)
        let x = 3.0
        let a0 = 1 / pow(alpha + 20, r + s + x) - 1 / pow(alpha + 40, r + s + x)
        let constant: Double = lgamma(r + x) - lgamma(r) + (r + s) * log(alpha)
        let alive: Double = 1 / (pow(alpha + 40, r + x) * pow(alpha + 40, s))
        let direct: Double = constant + log(alive + s / (r + s + x) * a0)
        #expect(abs(ParetoNBDModel(parameters: equal).logLikelihood(history) - direct) < 1e-10)
        // Either side of α = β the likelihood is continuous, though it takes the other branch.
        let below = ParetoNBDModel(parameters: ParetoNBDParameters(r: 0.7, alpha: 9 - 1e-7, s: 0.8, beta: 9)).logLikelihood(history)
        let above = ParetoNBDModel(parameters: ParetoNBDParameters(r: 0.7, alpha: 9 + 1e-7, s: 0.8, beta: 9)).logLikelihood(history)
        #expect(abs(below - direct) < 1e-6 && abs(above - direct) < 1e-6)
    }

    @Test func groupedLikelihoodMatchesPerCustomerTermsForBothBranches() throws {
        var histories: [PurchaseHistory] = []
        for index in 0..<300 {
            let x = index % 4 == 0 ? 0 : index % 9
            let age = Double(20 + index % 37)
            histories.append(PurchaseHistory(frequency: x, recency: x == 0 ? 0 : Double(index % 19) + 0.5, age: age))
        }
        histories.append(PurchaseHistory(frequency: 400, recency: 50, age: 56))  // a heavy buyer
        let data = try GroupedHistories(histories)
        let timeScale = 0.7
        let likelihood = ParetoNBDLikelihood(data: data, timeScale: timeScale)
        #expect(likelihood.pairFrequency.count < 2 * data.histories.count)
        for point in [[0.55, 10.5, 0.61, 11.7], [0.8, 14.0, 1.3, 6.5]] {  // α < β, then α ≥ β
            let model = ParetoNBDModel(parameters: ParetoNBDParameters(r: point[0], alpha: point[1], s: point[2], beta: point[3]))
            let direct = histories.reduce(0.0) { total, history in
                total + model.logLikelihood(
                    PurchaseHistory(frequency: history.frequency, recency: history.recency * timeScale, age: history.age * timeScale))
            }
            let grouped = likelihood.logLikelihood(point)
            #expect(grouped.isFinite && abs(grouped / direct - 1) < 1e-12, "\(grouped) vs \(direct)")
        }
    }

    @Test func recoversSimulatedParameters() async throws {
        let truth = ParetoNBDParameters(r: 0.8, alpha: 8, s: 0.7, beta: 10)
        let fit = try await onOwnThread {
            var generator = SplitMix64(seed: 1_987)
            let ages = (0..<50_000).map { _ in 26 + Double(generator.next() % 79) }  // whole weeks 26–104
            let histories = ParetoNBDSimulator(parameters: truth).histories(ages: ages, using: &generator)
            return try ParetoNBDFitter().fit(GroupedHistories(histories), timeUnit: .week)
        }
        #expect(fit.summary.converged, "\(fit.summary.status)")
        let estimates = [fit.parameters.r, fit.parameters.alpha, fit.parameters.s, fit.parameters.beta]
        for (estimate, actual) in zip(estimates, [truth.r, truth.alpha, truth.s, truth.beta]) {
            #expect(abs(estimate / actual - 1) < 0.1, "\(fit.summary.parameters)")
        }
    }

    @Test func heavyBuyersGiveFiniteValues() {
        for parameters in [Self.cdnow, ParetoNBDParameters(r: 0.55, alpha: 20, s: 0.61, beta: 3)] {
            let model = ParetoNBDModel(parameters: parameters)
            for history in [
                PurchaseHistory(frequency: 500, recency: 103.9, age: 104),
                PurchaseHistory(frequency: 800, recency: 10, age: 104),
                PurchaseHistory(frequency: 300, recency: 52, age: 52),
            ] {
                let alive = model.probabilityAlive(history)
                let expected = model.expectedPurchases(history, horizon: 52)
                #expect(alive.isFinite && alive >= 0 && alive <= 1, "\(parameters) \(history)")
                #expect(expected.isFinite && expected >= 0, "\(parameters) \(history): \(expected)")
                #expect(model.logLikelihood(history).isFinite, "\(parameters) \(history)")
            }
            // 800 purchases then nothing for 94 weeks: as good as gone.
            #expect(model.probabilityAlive(PurchaseHistory(frequency: 800, recency: 10, age: 104)) < 1e-6)
        }
    }
}
