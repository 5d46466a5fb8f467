import CLVModels
import CLVProto
import Foundation
import Ingestion
import RPC
import Store
import Testing

@Suite("Valuation: value cards and heavy buyers", .serialized)
struct CustomerValueTests {
    @Test func theValueCardFollowsNewOrdersWithoutRescoring() async throws {
        let server = try await ValuationServer.start()
        do {
            let shop = FitAndScoreTests.shop()
            try await server.ingest(shop.orders())
            let described = try await server.ingestion.upsertCustomers([
                Customer(
                    customerID: "c7", market: "DE", acquisitionChannel: "paid_search",
                    acquisitionCost: Money(minorUnits: 2_500, currency: "EUR"), acquiredOn: "2024-01-01")
            ])
            #expect(described.rejections.isEmpty, "\(described.rejections)")
            _ = try await server.valuation.fitModel(FitModelRequest())
            let scoring = try await server.score()
            let before = try await server.valuation.getCustomerValue(GetCustomerValueRequest(customerID: "c7"))
            #expect(before.market == "DE" && before.acquisitionChannel == "paid_search")
            #expect(before.hasAcquisitionCost && before.acquisitionCostBaseMinor == 2_500)
            #expect(before.hasStoredScore && before.storedScoringID == scoring.scoringID)
            #expect(abs(before.clvBaseMinor - before.storedCLVBaseMinor) < 1e-6 * max(1, before.clvBaseMinor))
            #expect(before.probabilityAlive > 0 && before.probabilityAlive <= 1)
            #expect(before.historicalCLVBaseMinor > 0 && before.retentionDiscountedCLVBaseMinor > 0)
            // Scoring read the per-customer statistics, the card reads the purchase days: they agree,
            // repeat buyers (whose spend excludes the first day) included.
            var repeatBuyers = 0
            for customer in 0..<40 {
                let card = try await server.valuation.getCustomerValue(GetCustomerValueRequest(customerID: "c\(customer)"))
                #expect(abs(card.clvBaseMinor - card.storedCLVBaseMinor) < 1e-6 * max(1, card.clvBaseMinor), "c\(customer)")
                if card.repeatPurchaseDays > 0 { repeatBuyers += 1 }
            }
            #expect(repeatBuyers > 5)

            // A purchase today: more orders, a purchase day, recency up to today; the stored score stays.
            let order = shop.order(customer: 7, index: 999, day: Int(SimulatedShop.day(0).daysSinceEpoch), cents: 5_000)
            try await server.ingest([order])
            let after = try await server.valuation.getCustomerValue(GetCustomerValueRequest(customerID: "c7"))
            #expect(after.completedOrders == before.completedOrders + 1)
            #expect(after.revenueBaseMinor == before.revenueBaseMinor + 5_000)
            #expect(after.repeatPurchaseDays == before.repeatPurchaseDays + 1)
            #expect(after.lastPurchase == SimulatedShop.day(0).text)
            #expect(after.probabilityAlive > before.probabilityAlive || before.probabilityAlive == 1)
            #expect(after.clvBaseMinor != before.clvBaseMinor)
            #expect(after.storedCLVBaseMinor == before.storedCLVBaseMinor)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    @Test(arguments: [PurchaseModel.bgNBD, .paretoNBD])
    func aCustomerWithHundredsOfPurchasesScoresFinite(model: PurchaseModel) async throws {
        let server = try await ValuationServer.start()
        do {
            let shop = FitAndScoreTests.shop()
            // A purchase every day of the last 400, then the usual customers.
            let today = Int(SimulatedShop.day(0).daysSinceEpoch)
            let heavy = (0..<400).map { shop.order(customer: 99_999, index: $0, day: today - 400 + $0, cents: 4_000) }
            try await server.ingest(heavy + shop.orders())
            _ = try await server.valuation.fitModel(FitModelRequest(purchaseModel: model))
            _ = try await server.score()
            let rows = try await server.pool.query(
                "SELECT probability_alive, expected_purchases, expected_average_order, clv FROM customer_scores WHERE customer_id = 'c99999'")
            let values = try ["probability_alive", "expected_purchases", "expected_average_order", "clv"].map { try rows[0].double($0) }
            #expect(values.allSatisfy { $0.isFinite && $0 >= 0 }, "\(values)")
            #expect(values[1] > 100, "a daily buyer is expected to keep buying: \(values)")
            let card = try await server.valuation.getCustomerValue(GetCustomerValueRequest(customerID: "c99999"))
            #expect(card.clvBaseMinor.isFinite && card.repeatPurchaseDays == 399)
            #expect(try await server.count("SELECT count(*) FROM customer_scores WHERE NOT (clv >= 0 AND expected_purchases >= 0)") == 0)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }
}
