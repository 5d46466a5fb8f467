import Foundation
import Testing

@testable import CLVModels

@Suite("BG/NBD")
struct BGNBDTests {
    /// Fader, Hardie & Lee (2005), CDNOW, weeks.
    static let published = BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)

    @Test func expectedPurchasesMatchThePublishedExample() {
        let model = BGNBDModel(parameters: Self.published)
        let history = PurchaseHistory(frequency: 2, recency: 30.43, age: 38.86)
        let expected = model.expectedPurchases(history, horizon: 39)
        #expect(abs(expected - 1.226) < 0.0005, "E[X(39)] = \(expected)")
    }

    @Test func probabilityAliveFollowsTheClosedForm() {
        let p = Self.published
        let model = BGNBDModel(parameters: p)
        let history = PurchaseHistory(frequency: 2, recency: 30.43, age: 38.86)
        let direct = 1 / (1 + p.a / (p.b + 1) * pow((p.alpha + 38.86) / (p.alpha + 30.43), p.r + 2))
        #expect(abs(model.probabilityAlive(history) - direct) < 1e-14)
        #expect(model.probabilityAlive(PurchaseHistory(frequency: 0, recency: 0, age: 30)) == 1)
    }

    @Test func groupedLikelihoodAndGradientMatchPerCustomerTerms() throws {
        let histories = [
            PurchaseHistory(frequency: 0, recency: 0, age: 30),
            PurchaseHistory(frequency: 0, recency: 0, age: 30),
            PurchaseHistory(frequency: 3, recency: 20.5, age: 35),
            PurchaseHistory(frequency: 12, recency: 33, age: 34),
            PurchaseHistory(frequency: 1, recency: 2, age: 38),
        ]
        let data = try GroupedHistories(histories)
        #expect(data.histories.count == 4)
        let likelihood = BGNBDLikelihood(data: data, timeScale: 1)
        let point = [0.4, 3.1, 0.9, 2.2]
        let (total, gradient) = likelihood.logLikelihoodAndGradient(point)
        let model = BGNBDModel(parameters: BGNBDParameters(r: point[0], alpha: point[1], a: point[2], b: point[3]))
        let direct = histories.reduce(0.0) { $0 + model.logLikelihood($1) }
        #expect(abs(total - direct) < 1e-10)
        for index in 0..<4 {
            var up = point
            var down = point
            up[index] += 1e-6
            down[index] -= 1e-6
            let numeric = (likelihood.logLikelihoodAndGradient(up).0 - likelihood.logLikelihoodAndGradient(down).0) / 2e-6
            #expect(abs(gradient[index] - numeric) < 1e-5 * max(1, abs(numeric)), "∂/∂\(BGNBDParameters.names[index])")
        }
    }

    @Test func recoversSimulatedParameters() async throws {
        let truth = BGNBDParameters(r: 0.6, alpha: 5, a: 0.8, b: 2.5)
        let fit = try await onOwnThread {
            var generator = SplitMix64(seed: 2005)
            let ages = (0..<50_000).map { _ in 26 + Double(generator.next() % 79_000) / 1000 }  // 26–105 weeks
            let histories = BGNBDSimulator(parameters: truth).histories(ages: ages, using: &generator)
            return try BGNBDFitter().fit(GroupedHistories(histories), timeUnit: .week)
        }
        #expect(fit.summary.converged, "\(fit.summary.status)")
        for (estimate, actual) in zip(fit.parameters.values, truth.values) {
            #expect(abs(estimate / actual - 1) < 0.05, "\(fit.summary.parameters)")
        }
        // The standard errors are those of a 50,000-customer sample: present and small.
        for parameter in fit.summary.parameters {
            let error = try #require(parameter.standardError)
            #expect(error > 0 && error < 0.1 * parameter.value, "\(parameter)")
        }
        #expect(fit.summary.customers == 50_000)
        #expect(fit.summary.distinctInputs < 50_000)
    }

    @Test func heavyBuyersGiveFiniteValues() {
        let model = BGNBDModel(parameters: Self.published)
        for history in [
            PurchaseHistory(frequency: 500, recency: 103.9, age: 104),
            PurchaseHistory(frequency: 800, recency: 10, age: 104),
            PurchaseHistory(frequency: 3000, recency: 52, age: 52),
        ] {
            let alive = model.probabilityAlive(history)
            let expected = model.expectedPurchases(history, horizon: 52)
            #expect(alive.isFinite && alive >= 0 && alive <= 1, "\(history)")
            #expect(expected.isFinite && expected >= 0, "\(history): \(expected)")
            #expect(model.logLikelihood(history).isFinite)
        }
        // A heavy buyer still buying is expected to keep buying at their rate.
        let steady = model.expectedPurchases(PurchaseHistory(frequency: 500, recency: 103.9, age: 104), horizon: 52)
        #expect(steady > 150 && steady < 260, "\(steady)")
    }

    @Test func refusesDataWithoutRepeatPurchases() throws {
        let data = try GroupedHistories((0..<100).map { _ in PurchaseHistory(frequency: 0, recency: 0, age: 20) })
        #expect(throws: ModelError.self) { try BGNBDFitter().fit(data, timeUnit: .week) }
    }

    @Test func refusesAnInconsistentHistoryNamingIt() {
        let histories = [PurchaseHistory(frequency: 1, recency: 3, age: 5), PurchaseHistory(frequency: 2, recency: 9, age: 5)]
        #expect(throws: ModelError.invalidInput("history 1: age is shorter than recency")) { try GroupedHistories(histories) }
    }
}
