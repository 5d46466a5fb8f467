import Foundation
import Testing

@testable import CLVModels

/// Large fits start from the optimum of a sample of their distinct inputs; they must end
/// where a fit from the start on every input ends.
@Suite("Warm start from a sample")
struct WarmStartTests {
    @Test func aSampleKeepsEveryStrideThHistoryWithItsCount() throws {
        var histories: [PurchaseHistory] = []
        for index in 0..<30 {
            let history = PurchaseHistory(frequency: index % 3, recency: Double(2 * (index % 3)), age: Double(10 + index))
            histories += Array(repeating: history, count: 1 + index % 4)
        }
        let data = try GroupedHistories(histories)
        let sample = data.sample(every: 5)
        let picked = Array(stride(from: 2, to: data.histories.count, by: 5))
        #expect(sample.histories == picked.map { data.histories[$0] })
        #expect(sample.weights == picked.map { data.weights[$0] })
        #expect(sample.customers == picked.reduce(0) { $0 + data.weights[$1] })
    }

    @Test func aSpendSampleEqualsTheSpendsItKeeps() throws {
        let spends = (0..<200).map { SpendHistory(frequency: 1 + $0 % 7, meanValue: 5 + Double($0 * 37 % 101)) }
        let data = try GroupedSpends(spends)
        let sample = data.sample(every: 3)
        // The same products grouped from scratch: the sample's per-x sums must agree with them.
        let kept = stride(from: 1, to: data.products.count, by: 3).flatMap { index in
            let x = data.frequencies[Int(data.productGroup[index])]
            return Array(
                repeating: SpendHistory(frequency: x, meanValue: data.products[index] / Double(x)), count: Int(data.productWeights[index]))
        }
        let direct = try GroupedSpends(kept)
        #expect(sample.customers == direct.customers && sample.customers < data.customers)
        let point = [2.0, 3.0, 1.5]
        let fromSample = GammaGammaLikelihood(data: sample, valueScale: 0.02).logLikelihoodAndGradient(point)
        let fromDirect = GammaGammaLikelihood(data: direct, valueScale: 0.02).logLikelihoodAndGradient(point)
        #expect(abs(fromSample.0 / fromDirect.0 - 1) < 1e-12)
        for (a, b) in zip(fromSample.1, fromDirect.1) { #expect(abs(a - b) < 1e-9 * max(1, abs(b))) }
    }

    @Test func bgNBDFromASampleReachesTheSameOptimumInFewerFullIterations() async throws {
        let (cold, warm) = try await onOwnThread {
            var generator = SplitMix64(seed: 77)
            let ages = (0..<12_000).map { _ in 26 + Double(generator.next() % 79_000) / 1000 }
            let data = try GroupedHistories(BGNBDSimulator(parameters: BGNBDParameters(r: 0.6, alpha: 5, a: 0.8, b: 2.5)).histories(ages: ages, using: &generator))
            let timeScale = 10 / data.maximumAge
            let full = BGNBDLikelihood(data: data, timeScale: timeScale).objective
            let sample = BGNBDLikelihood(data: data.sample(every: 6), timeScale: timeScale).objective
            func fit(_ sample: Objective?) -> MaximumLikelihood.Result {
                MaximumLikelihood.fit(
                    names: BGNBDParameters.names, logStart: [0, 0, 0, 0], customers: data.customers,
                    distinctInputs: data.histories.count, meanNegativeLogLikelihood: full, sample: sample)
            }
            return (fit(nil), fit(sample))
        }
        Self.expectSameOptimum(cold, warm)
    }

    @Test func paretoNBDFromASampleReachesTheSameOptimumInFewerFullIterations() async throws {
        let (cold, warm) = try await onOwnThread {
            var generator = SplitMix64(seed: 79)
            let ages = (0..<4_000).map { _ in 26 + Double(generator.next() % 79_000) / 1000 }
            let truth = ParetoNBDParameters(r: 0.55, alpha: 10.5, s: 0.6, beta: 12)
            let data = try GroupedHistories(ParetoNBDSimulator(parameters: truth).histories(ages: ages, using: &generator))
            let timeScale = 10 / data.maximumAge
            let full = ParetoNBDLikelihood(data: data, timeScale: timeScale).objective
            let sample = ParetoNBDLikelihood(data: data.sample(every: 4), timeScale: timeScale).objective
            func fit(_ sample: Objective?) -> MaximumLikelihood.Result {
                MaximumLikelihood.fit(
                    names: ParetoNBDParameters.names, logStart: [0, 0, 0, 0], customers: data.customers,
                    distinctInputs: data.histories.count, meanNegativeLogLikelihood: full, sample: sample,
                    minimizer: BFGSMinimizer(gradientTolerance: 1e-7))
            }
            return (fit(nil), fit(sample))
        }
        Self.expectSameOptimum(cold, warm, tolerance: 1e-4)
    }

    @Test func gammaGammaFromASampleReachesTheSameOptimumInFewerFullIterations() async throws {
        let (cold, warm) = try await onOwnThread {
            var generator = SplitMix64(seed: 78)
            let simulator = GammaGammaSimulator(parameters: GammaGammaParameters(p: 6.25, q: 3.74, gamma: 15.44))
            let data = try GroupedSpends((0..<12_000).map { index in
                let values = simulator.transactionValues(count: 1 + index % 9, using: &generator)
                return SpendHistory(frequency: values.count, meanValue: values.reduce(0, +) / Double(values.count))
            })
            let full = GammaGammaLikelihood(data: data, valueScale: 0.02).objective
            let sample = GammaGammaLikelihood(data: data.sample(every: 6), valueScale: 0.02).objective
            func fit(_ sample: Objective?) -> MaximumLikelihood.Result {
                MaximumLikelihood.fit(
                    names: GammaGammaParameters.names, logStart: [0, 0, 0], customers: Double(data.customers),
                    distinctInputs: data.products.count, meanNegativeLogLikelihood: full, sample: sample)
            }
            return (fit(nil), fit(sample))
        }
        Self.expectSameOptimum(cold, warm)
    }

    /// - Parameter tolerance: relative; central-difference gradients (Pareto/NBD) stop less sharply.
    private static func expectSameOptimum(_ cold: MaximumLikelihood.Result, _ warm: MaximumLikelihood.Result, tolerance: Double = 1e-6) {
        #expect(cold.summary.converged && warm.summary.converged)
        for (a, b) in zip(cold.parameters, warm.parameters) {
            #expect(abs(a / b - 1) < tolerance, "\(cold.parameters) vs \(warm.parameters)")
        }
        #expect(abs(warm.summary.logLikelihood / cold.summary.logLikelihood - 1) < 1e-12)
        #expect(warm.summary.iterations < cold.summary.iterations / 2, "\(warm.summary.iterations) vs \(cold.summary.iterations)")
    }
}
