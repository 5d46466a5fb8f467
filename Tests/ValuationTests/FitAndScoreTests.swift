import CLVModels
import CLVProto
import Foundation
import Ingestion
import RPC
import Store
import Testing

/// Fitting, storing and scoring against a real PostgreSQL and a real RPC server.
@Suite("Valuation: fit, runs and scores", .serialized)
struct FitAndScoreTests {
    static let truth = BGNBDParameters(r: 0.6, alpha: 5, a: 0.8, b: 2.5)

    /// 3,000 customers acquired over the 2 years before 13 weeks ago, observed until yesterday.
    static func shop() -> SimulatedShop {
        SimulatedShop(
            parameters: truth, customers: 3_000, calibrationEnd: SimulatedShop.day(-91), observedUntil: SimulatedShop.day(-1),
            acquisitionDays: 730)
    }

    @Test func aFitIsStoredAndRunsAreNeverOverwritten() async throws {
        let server = try await ValuationServer.start()
        do {
            let shop = Self.shop()
            try await server.ingest(shop.orders())
            let first = try await server.valuation.fitModel(
                FitModelRequest(purchaseModel: .bgNBD, spendModel: .gammaGamma, calibrationEnd: shop.calibrationEnd.text, timeUnit: .week))
            #expect(first.runID > 0)
            #expect(first.fits.map(\.model) == ["bg_nbd", "gamma_gamma"])
            #expect(first.fits.allSatisfy { $0.converged && $0.logLikelihood < 0 })
            #expect(first.customers == 3_000)
            #expect(first.calibrationEnd == shop.calibrationEnd.text)
            #expect(first.dataCutoff <= shop.calibrationEnd.text)
            #expect(first.observedMarginRate > 0.29 && first.observedMarginRate < 0.31)
            let bgnbd = first.fits[0].parameters
            #expect(bgnbd.map(\.name) == ["r", "alpha", "a", "b"])
            #expect(bgnbd.allSatisfy { $0.hasStandardError })
            // 3,000 customers pin r and alpha down to about a quarter.
            #expect(abs(bgnbd[0].value / Self.truth.r - 1) < 0.25, "\(bgnbd)")
            #expect(abs(bgnbd[1].value / Self.truth.alpha - 1) < 0.25, "\(bgnbd)")
            // Gamma-Gamma's gamma is money: reported in euros, as the published CDNOW table gives
            // it (15.44 dollars), though the data are in cents (simulated with 1,544).
            let spend = Dictionary(uniqueKeysWithValues: first.fits[1].parameters.map { ($0.name, $0) })
            let gamma = try #require(spend["gamma"]), p = try #require(spend["p"]?.value), q = try #require(spend["q"]?.value)
            #expect(gamma.value > 15.44 / 2 && gamma.value < 15.44 * 2, "\(spend)")
            #expect(gamma.hasStandardError && gamma.standardError < gamma.value, "\(spend)")
            // The mean spend it implies, p γ / (q − 1), is CDNOW's 35.22 (in euros).
            #expect(abs(p * gamma.value / (q - 1) / (6.25 * 15.44 / 2.74) - 1) < 0.15, "\(spend)")

            let stored = try await server.pool.query("SELECT fits::text FROM valuation_runs WHERE run_id = $1", [.int(first.runID)])
            let storedFits = try stored[0].string("fits")
            let second = try await server.valuation.fitModel(FitModelRequest(purchaseModel: .paretoNBD, spendModel: .none))
            #expect(second.runID > first.runID)
            #expect(second.fits.map(\.model) == ["pareto_nbd"])
            #expect(second.calibrationEnd == SimulatedShop.day(0).text)
            #expect(try await server.count("SELECT count(*) FROM valuation_runs") == 2)
            let again = try await server.pool.query("SELECT fits::text FROM valuation_runs WHERE run_id = $1", [.int(first.runID)])
            #expect(try again[0].string("fits") == storedFits)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    /// A fit as of the latest data reads the per-customer statistics; once a later purchase
    /// exists, the same calibration end reads the purchase days. Both must see the same customers.
    @Test func aFitReadsTheSameFromStatisticsAsFromPurchaseDays() async throws {
        let server = try await ValuationServer.start()
        do {
            let shop = Self.shop()
            try await server.ingest(shop.orders())
            let request = FitModelRequest(
                purchaseModel: .bgNBD, spendModel: .gammaGamma, calibrationEnd: shop.observedUntil.text, timeUnit: .week)
            let fromStatistics = try await server.valuation.fitModel(request)
            try await server.ingest([shop.order(customer: shop.customers, index: 0, day: Int(SimulatedShop.day(0).daysSinceEpoch), cents: 999)])
            let fromPurchaseDays = try await server.valuation.fitModel(request)

            #expect(fromStatistics.customers == 3_000 && fromPurchaseDays.customers == 3_000)
            #expect(fromStatistics.dataCutoff == shop.observedUntil.text || fromStatistics.dataCutoff < shop.observedUntil.text)
            #expect(fromPurchaseDays.dataCutoff == fromStatistics.dataCutoff)
            // Customers bought in the year before the last, some again in the last: a real rate.
            #expect(fromStatistics.annualRetentionRate > 0.05 && fromStatistics.annualRetentionRate < 0.95)
            #expect(fromPurchaseDays.annualRetentionRate == fromStatistics.annualRetentionRate)
            #expect(fromStatistics.observedMarginRate > 0.29 && fromStatistics.observedMarginRate < 0.31)
            #expect(fromPurchaseDays.observedMarginRate == fromStatistics.observedMarginRate)
            #expect(fromStatistics.fits.map(\.model) == ["bg_nbd", "gamma_gamma"])
            // Rows arrive in another order, so sums may differ in their last bits.
            for (statistics, days) in zip(fromStatistics.fits, fromPurchaseDays.fits) {
                for (a, b) in zip(statistics.parameters, days.parameters) {
                    #expect(abs(a.value / b.value - 1) < 1e-9, "\(statistics.model) \(a.name): \(a.value) vs \(b.value)")
                }
                #expect(abs(days.logLikelihood / statistics.logLikelihood - 1) < 1e-12)
            }
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    @Test func scoresAreReplacedAtOnce() async throws {
        let server = try await ValuationServer.start()
        do {
            try await server.ingest(Self.shop().orders())
            _ = try await server.valuation.fitModel(FitModelRequest())
            let first = try await server.score()
            #expect(first.done && first.phase == "done" && first.scored == 3_000)
            #expect(try await server.count("SELECT count(*) FROM customer_scores WHERE scoring_id = $1", [.int(first.scoringID)]) == 3_000)

            // While a second scoring runs, every read of the current scores sees one whole scoring.
            let watcher = Task {
                var observations: [[Int64]] = []
                while !Task.isCancelled {
                    do {
                        let rows = try await server.pool.query(
                            """
                            SELECT count(*) AS customers, count(DISTINCT s.scoring_id) AS scorings FROM customer_scores s
                            JOIN valuation_current_scoring c USING (scoring_id)
                            """)
                        observations.append([try rows[0].int("customers"), try rows[0].int("scorings")])
                    } catch where Task.isCancelled {
                        break  // stopped mid-query
                    }
                }
                return observations
            }
            let second = try await server.score(ScoreCustomersRequest(terms: ValueTerms.setting(horizonDays: 26 * 7)))
            watcher.cancel()
            let observations = try await watcher.value
            #expect(!observations.isEmpty)
            #expect(observations.allSatisfy { $0 == [3_000, 1] }, "\(observations.filter { $0 != [3_000, 1] }.prefix(5))")
            #expect(second.scoringID > first.scoringID)
            #expect(try await server.count("SELECT count(*) FROM customer_scores") == 3_000)
            #expect(try await server.count("SELECT count(*) FROM customer_scores WHERE scoring_id = $1", [.int(second.scoringID)]) == 3_000)
            #expect(try await server.count("SELECT count(*) FROM customer_scores WHERE NOT (clv >= 0 AND probability_alive BETWEEN 0 AND 1)") == 0)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }
}
