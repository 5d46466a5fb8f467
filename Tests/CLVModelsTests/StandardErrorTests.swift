import Foundation
import Testing

@testable import CLVModels

/// Standard errors come from a differenced Hessian; with a numerical gradient (Pareto/NBD) the
/// differencing must not be swamped by the gradient's rounding noise.
@Suite("Standard errors")
struct StandardErrorTests {
    @Test func aNumericalGradientGivesTheStandardErrorsOfTheExactOne() async throws {
        let (exact, numerical) = try await onOwnThread {
            var generator = SplitMix64(seed: 91)
            let ages = (0..<20_000).map { _ in 26 + Double(generator.next() % 79_000) / 1000 }
            let data = try GroupedHistories(BGNBDSimulator(parameters: BGNBDParameters(r: 0.6, alpha: 5, a: 0.8, b: 2.5)).histories(ages: ages, using: &generator))
            let likelihood = BGNBDLikelihood(data: data, timeScale: 10 / data.maximumAge)
            let fit = MaximumLikelihood.fit(
                names: BGNBDParameters.names, logStart: [0, 0, 0, 0], customers: data.customers,
                distinctInputs: data.histories.count, meanNegativeLogLikelihood: likelihood.objective)
            let point = fit.parameters.map { Double.log($0) }
            // The same objective with its exact gradient replaced by central differences.
            let exactObjective = likelihood.objective
            let numericalObjective = Objective.centralDifferences { exactObjective.evaluate($0).value }
            return (
                MaximumLikelihood.standardErrors(exactObjective, at: point, customers: data.customers),
                MaximumLikelihood.standardErrors(numericalObjective, at: point, customers: data.customers)
            )
        }
        #expect(exact.allSatisfy { $0 != nil } && numerical.allSatisfy { $0 != nil })
        for (a, b) in zip(exact, numerical) {
            #expect(abs(a! / b! - 1) < 0.01, "\(exact) vs \(numerical)")
        }
    }
}
