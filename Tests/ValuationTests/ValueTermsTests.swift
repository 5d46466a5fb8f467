import CLVModels
import CLVProto
import Ingestion
import RPC
import Testing

/// Horizon, discount and margin over the wire: a zero is a zero, a default is named, every
/// answer says which terms its figures are computed with.
@Suite("Valuation: the terms of a value", .serialized)
struct ValueTermsTests {
    static let year = 365.2425

    @Test func termsAreUsedAsGivenAndNamedInEveryAnswer() async throws {
        let server = try await ValuationServer.start()
        do {
            let shop = FitAndScoreTests.shop()
            try await server.ingest(shop.orders())
            let run = try await server.valuation.fitModel(FitModelRequest())
            func card(_ terms: ValueTerms = ValueTerms()) async throws -> CustomerValue {
                try await server.valuation.getCustomerValue(GetCustomerValueRequest(customerID: "c7", terms: terms))
            }

            // Unset: the defaults, named.
            let byDefault = try await card()
            #expect(byDefault.terms == ValueTerms.setting(horizonDays: Self.year, annualDiscountRate: 0.1, marginRate: run.observedMarginRate))
            #expect(abs(byDefault.horizon - Self.year / 7) < 1e-9 && byDefault.timeUnit == .week)
            #expect(byDefault.clvBaseMinor > 0)

            // A discount of 0 is undiscounted: worth more than at 10 % (it used to mean "10 %").
            let undiscounted = try await card(ValueTerms.setting(annualDiscountRate: 0))
            #expect(undiscounted.terms?.setAnnualDiscountRate == 0)
            #expect(undiscounted.clvBaseMinor > byDefault.clvBaseMinor * 1.01)
            // A margin of 0 is 0 (it used to mean "the observed margin").
            let noMargin = try await card(ValueTerms.setting(marginRate: 0))
            #expect(noMargin.terms?.setMarginRate == 0 && noMargin.clvBaseMinor == 0)

            // Three years, in days, valued in the run's weeks.
            let threeYears = try await card(ValueTerms.setting(horizonDays: 3 * Self.year))
            #expect(abs(threeYears.horizon - 3 * Self.year / 7) < 1e-9)
            #expect(threeYears.terms?.setHorizonDays == 3 * Self.year)
            #expect(threeYears.expectedPurchases > byDefault.expectedPurchases)
            #expect(threeYears.retentionDiscountedYears == 3 && byDefault.retentionDiscountedYears == 1)
            #expect(try await card(ValueTerms.setting(horizonDays: 1_092)).retentionDiscountedYears == 3)

            // A scoring over three years at 5 %: its progress, the report and the card's stored
            // score all say so, while the card's own figures stay over one year.
            let scoring = try await server.score(ScoreCustomersRequest(terms: ValueTerms.setting(horizonDays: 3 * Self.year, annualDiscountRate: 0.05)))
            let scoredTerms = ValueTerms.setting(horizonDays: 3 * Self.year, annualDiscountRate: 0.05, marginRate: run.observedMarginRate)
            #expect(scoring.done && scoring.terms == scoredTerms)
            let report = try await server.valuation.valueReport(ValueReportRequest())
            #expect(abs((report.terms?.setHorizonDays ?? 0) - 3 * Self.year) < 1e-9)
            #expect(report.terms?.setAnnualDiscountRate == 0.05 && report.terms?.setMarginRate == run.observedMarginRate)
            let after = try await card()
            #expect(after.terms?.setHorizonDays == Self.year)
            let stored = try #require(after.storedTerms)
            #expect(abs(stored.horizonDays - 3 * Self.year) < 1e-9 && stored.annualDiscountRate == 0.05)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    @Test func termsOutsideTheirRangeAreRefusedByName() async throws {
        let server = try await ValuationServer.start()
        do {
            try await server.ingest(FitAndScoreTests.shop().orders())
            _ = try await server.valuation.fitModel(FitModelRequest())
            let refused: [(ValueTerms, String)] = [
                (ValueTerms.setting(horizonDays: 0), "terms.horizon_days"), (ValueTerms.setting(horizonDays: -7), "terms.horizon_days"),
                (ValueTerms.setting(horizonDays: 101 * Self.year), "terms.horizon_days"), (ValueTerms.setting(horizonDays: .nan), "terms.horizon_days"),
                // 5 was once taken as 500 % a year.
                (ValueTerms.setting(annualDiscountRate: 5), "terms.annual_discount_rate"), (ValueTerms.setting(annualDiscountRate: -0.1), "terms.annual_discount_rate"),
                (ValueTerms.setting(marginRate: 1.5), "terms.margin_rate"), (ValueTerms.setting(marginRate: -0.2), "terms.margin_rate"),
            ]
            for (terms, field) in refused {
                await expectCode(.invalidArgument, containing: field) {
                    _ = try await server.valuation.getCustomerValue(GetCustomerValueRequest(customerID: "c1", terms: terms))
                }
                await expectCode(.invalidArgument, containing: field) { _ = try await server.score(ScoreCustomersRequest(terms: terms)) }
            }
            // The edges are values: 100 % discount, revenue.
            let edge = try await server.valuation.getCustomerValue(
                GetCustomerValueRequest(customerID: "c1", terms: ValueTerms.setting(annualDiscountRate: 1, marginRate: 1)))
            #expect(edge.terms?.setAnnualDiscountRate == 1 && edge.marginRate == 1)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    /// An unknown acquisition cost is not a free one: net CLTV is unknown with it.
    @Test func netCLTVIsUnknownWithoutAnAcquisitionCost() async throws {
        let server = try await ValuationServer.start()
        do {
            try await server.ingest(FitAndScoreTests.shop().orders())
            _ = try await server.ingestion.upsertCustomers([
                Customer(customerID: "c8", acquisitionCost: Money(minorUnits: 1_000, currency: "EUR"), acquiredOn: "2024-01-01")
            ])
            let run = try await server.valuation.fitModel(FitModelRequest())
            let unknown = try await server.valuation.getCustomerValue(GetCustomerValueRequest(customerID: "c7"))
            #expect(!unknown.hasAcquisitionCost && !unknown.hasNetCLV)
            #expect(unknown.historicalCLVBaseMinor > 0)
            let known = try await server.valuation.getCustomerValue(GetCustomerValueRequest(customerID: "c8"))
            #expect(known.hasNetCLV)
            let net = known.netCLVBaseMinor
            #expect(abs(net - (known.historicalCLVBaseMinor - 1_000)) < 1e-6 * max(1, known.historicalCLVBaseMinor))
            #expect(abs(known.lifespanYears - 1 / max(1 - run.annualRetentionRate, 0.01)) < 1e-12)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }
}
