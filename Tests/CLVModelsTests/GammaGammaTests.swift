import Foundation
import Testing

@testable import CLVModels

@Suite("Gamma-Gamma")
struct GammaGammaTests {
    @Test func gradientMatchesFiniteDifferences() throws {
        let spends = [
            SpendHistory(frequency: 1, meanValue: 20), SpendHistory(frequency: 1, meanValue: 35.5),
            SpendHistory(frequency: 4, meanValue: 12.25), SpendHistory(frequency: 0, meanValue: 0),
            SpendHistory(frequency: 9, meanValue: 80),
        ]
        let data = try GroupedSpends(spends)
        #expect(data.customers == 4)
        let likelihood = GammaGammaLikelihood(data: data, valueScale: 0.05)
        let point = [3.0, 2.5, 1.7]
        let gradient = likelihood.logLikelihoodAndGradient(point).1
        for index in 0..<3 {
            var up = point
            var down = point
            up[index] += 1e-6
            down[index] -= 1e-6
            let numeric = (likelihood.logLikelihoodAndGradient(up).0 - likelihood.logLikelihoodAndGradient(down).0) / 2e-6
            #expect(abs(gradient[index] - numeric) < 1e-5 * max(1, abs(numeric)), "∂/∂\(GammaGammaParameters.names[index])")
        }
    }

    @Test func recoversSimulatedParameters() async throws {
        // Fader, Hardie & Lee's CDNOW estimates.
        let truth = GammaGammaParameters(p: 6.25, q: 3.74, gamma: 15.44)
        let fit = try await onOwnThread {
            var generator = SplitMix64(seed: 1_987)
            let simulator = GammaGammaSimulator(parameters: truth)
            let spends = (0..<50_000).map { index in
                let count = 1 + index % 20
                let values = simulator.transactionValues(count: count, using: &generator)
                return SpendHistory(frequency: count, meanValue: values.reduce(0, +) / Double(count))
            }
            return try GammaGammaFitter().fit(GroupedSpends(spends))
        }
        #expect(fit.summary.converged, "\(fit.summary.status)")
        let estimates = [fit.parameters.p, fit.parameters.q, fit.parameters.gamma]
        for (estimate, actual) in zip(estimates, [truth.p, truth.q, truth.gamma]) {
            #expect(abs(estimate / actual - 1) < 0.05, "\(fit.summary.parameters)")
        }
        #expect(fit.summary.parameters.allSatisfy { $0.standardError != nil })
    }

    @Test func expectedSpendShrinksTowardThePopulationMean() {
        let model = GammaGammaModel(parameters: GammaGammaParameters(p: 6.25, q: 3.74, gamma: 15.44))
        let population = model.populationMeanValue
        #expect(abs(population - 6.25 * 15.44 / 2.74) < 1e-12)
        let oneBig = model.expectedMeanValue(SpendHistory(frequency: 1, meanValue: 200))
        let manyBig = model.expectedMeanValue(SpendHistory(frequency: 50, meanValue: 200))
        #expect(oneBig > population && oneBig < manyBig && manyBig < 200)
        #expect(model.expectedMeanValue(SpendHistory(frequency: 0, meanValue: 0)) == population)
    }

    @Test func refusesSpendWithoutRepeatCustomersOrWithBadValues() throws {
        #expect(throws: ModelError.self) { try GammaGammaFitter().fit(GroupedSpends([SpendHistory(frequency: 0, meanValue: 0)])) }
        #expect(throws: ModelError.invalidInput("spend 1: the mean repeat-transaction value must be positive")) {
            try GroupedSpends([SpendHistory(frequency: 1, meanValue: 3), SpendHistory(frequency: 2, meanValue: -1)])
        }
    }
}
