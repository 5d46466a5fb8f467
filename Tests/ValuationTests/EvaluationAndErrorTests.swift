import CLVModels
import CLVProto
import Foundation
import Ingestion
import RPC
import Store
import Testing

@Suite("Valuation: holdout evaluation, reports and errors", .serialized)
struct EvaluationAndErrorTests {
    @Test func evaluationOnSimulatedDataMatchesWhatHappened() async throws {
        let server = try await ValuationServer.start()
        do {
            let shop = SimulatedShop(
                parameters: FitAndScoreTests.truth, customers: 4_000, calibrationEnd: SimulatedShop.day(-183),
                observedUntil: SimulatedShop.day(-1), acquisitionDays: 548, seed: 7)
            try await server.ingest(shop.orders())
            let evaluation = try await server.valuation.evaluateModel(
                EvaluateModelRequest(calibrationEnd: shop.calibrationEnd.text, holdoutEnd: SimulatedShop.day(-1).text, timeUnit: .week))
            #expect(evaluation.customers == 4_000)
            #expect(abs(evaluation.holdoutLength - 182.0 / 7) < 1e-9)
            let fit = try #require(evaluation.fit)
            #expect(fit.converged && fit.model == "bg_nbd")
            // The model is true to the data, so the totals agree to within sampling noise.
            #expect(abs(evaluation.totalPredicted / evaluation.totalActual - 1) < 0.1, "\(evaluation.totalPredicted) vs \(evaluation.totalActual)")
            #expect(evaluation.aggregateMAPE < 0.15)
            #expect(evaluation.meanAbsoluteError > 0 && evaluation.rootMeanSquaredError >= evaluation.meanAbsoluteError)
            #expect(evaluation.rows.map(\.calibrationFrequency) == Array(0...6))
            #expect(evaluation.rows.last?.andAbove == true)
            #expect(evaluation.rows.reduce(0) { $0 + $1.customers } == 4_000)
            // Customers who bought more in calibration buy more in the holdout, and the model says so.
            let means = evaluation.rows.map(\.meanPredicted)
            #expect(means.first! < means.last!)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    @Test func reportGroupsValueByMarketAndFlagsPoorRatios() async throws {
        let server = try await ValuationServer.start()
        do {
            let shop = FitAndScoreTests.shop()
            try await server.ingest(shop.orders())
            let described = (0..<3_000).map { index in
                Customer(
                    customerID: "c\(index)", market: index % 3 == 0 ? "DE" : "FR", acquisitionChannel: index % 2 == 0 ? "paid_search" : "organic",
                    acquisitionCost: index % 2 == 0 ? Money(minorUnits: index % 3 == 0 ? 500 : 500_000, currency: "EUR") : nil,
                    acquiredOn: "2024-01-01")
            }
            let upserted = try await server.ingestion.upsertCustomers(described)
            #expect(upserted.rejections.isEmpty, "\(upserted.rejections.prefix(3))")
            _ = try await server.valuation.fitModel(FitModelRequest())
            let scoring = try await server.score()
            let byMarket = try await server.valuation.valueReport(ValueReportRequest(by: .market, top: 5))
            #expect(byMarket.topCustomers.count == 5)
            #expect(zip(byMarket.topCustomers, byMarket.topCustomers.dropFirst()).allSatisfy { $0.clvBaseMinor >= $1.clvBaseMinor })
            let best = try await server.pool.query(
                "SELECT customer_id FROM customer_scores WHERE scoring_id = $1 ORDER BY clv DESC, customer_id LIMIT 1", [.int(byMarket.scoringID)])
            #expect(byMarket.topCustomers.first?.customerID == (try best[0].string("customer_id")))
            #expect(byMarket.scoringID == scoring.scoringID && byMarket.customers == 3_000)
            #expect(Set(byMarket.groups.map(\.key)) == ["DE", "FR"])
            #expect(byMarket.groups.reduce(0) { $0 + $1.customers } == 3_000)
            let total = byMarket.groups.reduce(0.0) { $0 + $1.totalCLVBaseMinor }
            #expect(abs(total - byMarket.totalCLVBaseMinor) < 1e-6 * total)
            #expect(byMarket.top20PercentShare > 0.2 && byMarket.top20PercentShare < 1)
            let germany = try #require(byMarket.groups.first { $0.key == "DE" })
            let france = try #require(byMarket.groups.first { $0.key == "FR" })
            // Acquiring a French customer costs 5,000 EUR: no customer here is worth that.
            #expect(france.belowHealthyRatio && france.hasCLVToCAC && france.clvToCAC < 3)
            #expect(germany.customersWithCAC == 500 && germany.averageCACBaseMinor == 500)
            // The ratio's two sides are the customers with a known CAC, and both are reported:
            // their average CLV (not the group's, which counts the organic half too) over their CAC.
            let germansWithCAC = try await server.pool.query(
                """
                SELECT avg(s.clv) AS clv FROM customer_scores s JOIN customers c USING (customer_id)
                WHERE s.scoring_id = $1 AND c.market = 'DE' AND c.acquisition_cost_base_minor IS NOT NULL
                """, [.int(byMarket.scoringID)])
            let theirCLV = try germansWithCAC[0].double("clv")
            #expect(abs(germany.averageCLVWithCACBaseMinor - theirCLV) < 1e-9 * theirCLV)
            #expect(germany.averageCLVWithCACBaseMinor != germany.averageCLVBaseMinor)
            #expect(germany.hasCLVToCAC && germany.clvToCAC == germany.averageCLVWithCACBaseMinor / germany.averageCACBaseMinor)
            // The report names the scoring's terms: the defaults here.
            #expect(byMarket.terms?.setHorizonDays.map { abs($0 - 365.2425) < 1e-9 } == true)
            #expect(byMarket.terms?.setAnnualDiscountRate == 0.1)
            let byChannel = try await server.valuation.valueReport(ValueReportRequest(by: .channel))
            #expect(byChannel.topCustomers.isEmpty)
            #expect(Set(byChannel.groups.map(\.key)) == ["paid_search", "organic"])
            let organic = try #require(byChannel.groups.first { $0.key == "organic" })
            // No CAC known: the ratio is unknown, not 0, and not flagged.
            #expect(organic.customersWithCAC == 0 && !organic.hasCLVToCAC && !organic.belowHealthyRatio)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    @Test func callsThatCannotBeAnsweredSayWhy() async throws {
        let server = try await ValuationServer.start()
        do {
            let shop = FitAndScoreTests.shop()
            // Before any run: nothing to score or value.
            await expectCode(.notFound, containing: "FitModel") { _ = try await server.valuation.getCustomerValue(GetCustomerValueRequest(customerID: "c1")) }
            await expectCode(.notFound, containing: "FitModel") { _ = try await server.score() }
            try await server.ingest(shop.orders())
            await expectCode(.failedPrecondition, containing: "no completed order on or before 2001-01-01") {
                _ = try await server.valuation.fitModel(FitModelRequest(calibrationEnd: "2001-01-01"))
            }
            await expectCode(.invalidArgument, containing: "calibration_end") {
                _ = try await server.valuation.fitModel(FitModelRequest(calibrationEnd: "2025-13-01"))
            }
            await expectCode(.invalidArgument, containing: "holdout_end") {
                _ = try await server.valuation.evaluateModel(EvaluateModelRequest(calibrationEnd: shop.calibrationEnd.text, holdoutEnd: shop.calibrationEnd.text))
            }
            _ = try await server.valuation.fitModel(FitModelRequest())
            await expectCode(.notFound, containing: "no customer nobody") {
                _ = try await server.valuation.getCustomerValue(GetCustomerValueRequest(customerID: "nobody"))
            }
            await expectCode(.notFound, containing: "no model run 999") {
                _ = try await server.valuation.getCustomerValue(GetCustomerValueRequest(customerID: "c1", runID: 999))
            }
            await expectCode(.invalidArgument, containing: "margin_rate") {
                _ = try await server.valuation.getCustomerValue(GetCustomerValueRequest(customerID: "c1", terms: ValueTerms.setting(marginRate: 2)))
            }
            await expectCode(.failedPrecondition, containing: "ScoreCustomers") { _ = try await server.valuation.valueReport(ValueReportRequest()) }
            // A number the contract does not name is refused by field, not taken for the default.
            await expectCode(.invalidArgument, containing: "purchase_model") {
                _ = try await server.valuation.fitModel(FitModelRequest(purchaseModel: .unrecognized(7)))
            }
            await expectCode(.invalidArgument, containing: "spend_model") {
                _ = try await server.valuation.fitModel(FitModelRequest(spendModel: .unrecognized(3)))
            }
            await expectCode(.invalidArgument, containing: "time_unit") {
                _ = try await server.valuation.fitModel(FitModelRequest(timeUnit: .unrecognized(-1)))
            }
            await expectCode(.invalidArgument, containing: "time_unit") {
                _ = try await server.valuation.evaluateModel(
                    EvaluateModelRequest(calibrationEnd: shop.calibrationEnd.text, holdoutEnd: SimulatedShop.day(-1).text, timeUnit: .unrecognized(9)))
            }
            await expectCode(.invalidArgument, containing: "by") { _ = try await server.valuation.valueReport(ValueReportRequest(by: .unrecognized(9))) }
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    @Test func aModelThatDoesNotConvergeIsRefusedWithItsReason() async throws {
        let server = try await ValuationServer.start()
        do {
            // Every customer buys every week up to yesterday: nobody ever drops out, so the
            // drop-out parameters run off to a boundary.
            let today = Int(SimulatedShop.day(0).daysSinceEpoch)
            let shop = FitAndScoreTests.shop()
            var orders: [Order] = []
            for customer in 0..<300 {
                let first = today - 120 - customer % 200
                for (index, day) in stride(from: first, to: today, by: 7).enumerated() {
                    orders.append(shop.order(customer: customer, index: index, day: day, cents: 2_000))
                }
            }
            try await server.ingest(orders)
            await expectCode(.failedPrecondition, containing: "did not converge") {
                _ = try await server.valuation.fitModel(FitModelRequest(spendModel: .none))
            }
            #expect(try await server.count("SELECT count(*) FROM valuation_runs") == 0)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }
}
