import CLVProto
import DemoShop
import Ingestion
import Testing

@Suite("The demo shop, end to end", .serialized)
struct DemoShopTests {
    @Test func theDemoLoadsTheShopAndValuesIt() async throws {
        let server = try await ValuationServer.start(prefix: "demo")
        do {
            let generator = DemoShopGenerator(customers: 1_500, seed: 3, lastDay: SimulatedShop.day(-1))
            let data = generator.generate(baseCurrency: "EUR")
            // Deterministic: the same seed gives the same shop.
            #expect(generator.generate(baseCurrency: "EUR").orders == data.orders)
            #expect(Set(data.customers.map(\.market)) == ["DE", "FR", "GB", "US", "SE", "JP"])
            #expect(Set(data.orders.compactMap(\.amount?.currency)) == ["EUR", "GBP", "USD", "SEK", "JPY"])
            #expect(Set(data.rates.map(\.currency)) == ["GBP", "USD", "SEK", "JPY"])

            // A rate already stored for one of the demo's days: a stored rate never changes, so
            // that one of the demo's records is refused, and the demo says why.
            let stored = try #require(data.rates.first)
            _ = try await server.ingestion.upsertExchangeRates([ExchangeRate(currency: stored.currency, date: stored.date, rate: "123.5")])
            let outcome = try await DemoRunner(ingestion: server.ingestion, valuation: server.valuation, segmentation: server.segmentation).run(generator, top: 5)
            #expect(outcome.rejected == 1, "\(outcome.firstRejection ?? "")")
            #expect(outcome.firstRejection?.hasPrefix("exchange rates: \(stored.currency)/\(stored.date)") == true, "\(outcome.firstRejection ?? "")")
            #expect(try await server.count("SELECT count(*) FROM customers WHERE customer_id LIKE 'demo3-%'") == 1_500)
            #expect(try await server.count("SELECT count(*) FROM orders") == Int64(data.orders.count))
            #expect(try await server.count("SELECT count(*) FROM events") == Int64(data.events.count))
            // Ingestion's keyword table reads the demo's reasons as their causes: a churner's most
            // frequent driver is their true cause (disengagement names none).
            let dominant = try await server.pool.query(
                """
                SELECT DISTINCT ON (customer_id) customer_id, driver
                FROM (SELECT customer_id, driver, sum(events) AS n FROM customer_event_months
                      WHERE driver <> '' GROUP BY 1, 2) d
                ORDER BY customer_id, n DESC, driver
                """)
            var drivers: [String: String] = [:]
            for row in dominant { drivers[try row.string("customer_id")] = try row.string("driver") }
            let named = data.trueCauses.filter { $0.value != .disengagement }
            let agreeing = named.filter { drivers[$0.key] == $0.value.rawValue }.count
            #expect(named.count > 200 && Double(agreeing) > 0.9 * Double(named.count), "\(agreeing) of \(named.count)")

            let evaluation = try #require(outcome.evaluation)
            #expect(evaluation.fit?.converged == true)
            #expect(evaluation.rows.count >= 3 && evaluation.totalActual > 0)
            let run = try #require(outcome.run)
            #expect(run.fits.map(\.model) == ["bg_nbd", "gamma_gamma"] && run.fits.allSatisfy(\.converged))
            let scored = try await server.count("SELECT count(DISTINCT customer_id) FROM customer_purchase_days")
            #expect(outcome.scoring?.scored == UInt64(scored))
            // The demo values customers over the horizon it announces, three years.
            #expect(outcome.scoring?.terms?.setHorizonDays == DemoRunner.horizonYears * ValueTerms.daysPerYear)
            let markets = try #require(outcome.byMarket)
            #expect(Set(markets.groups.map(\.key)) == ["DE", "FR", "GB", "US", "SE", "JP"])
            #expect(markets.topCustomers.count == 5)
            let channels = try #require(outcome.byChannel)
            #expect(Set(channels.groups.map(\.key)) == ["organic", "paid_search", "social_ads", "marketplace", "referral"])
            // Organic customers cost nothing to acquire: no CLV:CAC for them.
            #expect(channels.groups.first { $0.key == "organic" }?.customersWithCAC == 0)

            // Segmented on the scoring's CLV and P(alive), with overall and per-market rows.
            let refresh = try #require(outcome.refresh)
            #expect(refresh.customers == 1_500 && refresh.valuationRunID == run.runID)
            #expect(refresh.valueBasis?.kind == "predicted_clv")
            let segments = try #require(outcome.segments)
            #expect(Set(segments.segments.map(\.group)) == ["", "DE", "FR", "GB", "US", "SE", "JP"])
            #expect(segments.stages.filter { $0.group.isEmpty }.reduce(0) { $0 + $1.customers } == 1_500)
            let churn = try #require(outcome.churnModel)
            #expect(churn.metrics.map(\.scorer) == ["churn_model", "one_minus_p_alive", "recency"])
            #expect(churn.metrics[0].auc > 0.7, "\(churn.metrics)")
            // The dominant driver of churned customers is mostly the cause the generator gave them.
            let churned = outcome.causes.values.reduce(0) { $0 + $1.customers }
            let matched = outcome.causes.values.reduce(0) { $0 + $1.matched }
            #expect(churned > 100 && Double(matched) >= 0.7 * Double(churned), "\(matched) of \(churned): \(outcome.causes)")
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }
}
