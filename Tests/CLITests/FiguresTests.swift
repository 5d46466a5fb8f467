import CLVProto
import Foundation
import Testing

@testable import clv

/// What a person reads: every figure names its basis (revenue or margin) and its span.
@Suite struct FiguresTests {
    static let year = 365.2425

    static func card(repeatDays: UInt32 = 1, probabilityAlive: Double = 0.8, cost: Int64? = nil) -> CustomerValue {
        CustomerValue(
            customerID: "c1", acquisitionCostBaseMinor: cost ?? 0, hasAcquisitionCost: cost != nil, baseCurrency: "EUR",
            completedOrders: UInt64(repeatDays) + 1, revenueBaseMinor: 424_551, averageOrderBaseMinor: 212_275.5,
            firstPurchase: "2024-01-02", lastPurchase: "2024-06-02", repeatPurchaseDays: repeatDays, recency: 21.6, age: 100,
            runID: 3, timeUnit: .week, horizon: Self.year / 7, probabilityAlive: probabilityAlive, expectedPurchases: 0.4,
            expectedAverageOrderBaseMinor: 20_000, marginRate: 0.35, clvBaseMinor: 43_861, annualRetentionRate: 0.6,
            historicalCLVBaseMinor: 424_551, retentionDiscountedCLVBaseMinor: 30_000,
            netCLVBaseMinor: cost.map { 424_551 - Double($0) } ?? 0, hasNetCLV: cost != nil, lifespanYears: 2.5,
            retentionDiscountedYears: 1, hasStoredScore: true, storedScoringID: 9, storedCLVBaseMinor: 92_757,
            storedTerms: ValueTerms.setting(horizonDays: 3 * Self.year, annualDiscountRate: 0.1, marginRate: 0.35),
            terms: ValueTerms.setting(horizonDays: Self.year, annualDiscountRate: 0.1, marginRate: 0.35))
    }

    static func text(_ card: CustomerValue) -> [String: String] {
        Dictionary(CustomerValueReport(card).rows, uniquingKeysWith: { first, _ in first })
    }

    @Test func theValueCardLabelsBasisAndHorizon() {
        let rows = Self.text(Self.card())
        #expect(rows["purchases"]?.contains("1 repeat day,") == true || rows["purchases"]?.hasSuffix("1 repeat day") == true, "\(rows)")
        #expect(Self.text(Self.card(repeatDays: 2))["purchases"]?.hasSuffix("2 repeat days") == true)
        #expect(rows["CLV (margin, 1 year)"]?.hasPrefix("438.61 EUR") == true, "\(rows)")
        #expect(rows["classic: historical (revenue)"]?.contains("revenue over a 2.5-year lifespan") == true, "\(rows)")
        #expect(rows["classic: retention-discounted (margin)"]?.contains("over 1 year") == true, "\(rows)")
        #expect(rows["terms"] == "over 1 year, discounted at 10.0 % a year, margin 35.0 %", "\(rows)")
        // The stored score was over 3 years: it says so beside the card's 1 year.
        #expect(rows["last stored score"]?.contains("927.57 EUR") == true && rows["last stored score"]?.contains("over 3 years") == true, "\(rows)")
        #expect(rows["expected purchases"] == "0.4 in 1 year")
    }

    @Test func netCLTVIsUnknownWithoutACost() throws {
        #expect(Self.text(Self.card())["classic: net CLTV (revenue)"]?.hasPrefix("unknown") == true)
        #expect(Self.text(Self.card(cost: 1_000))["classic: net CLTV (revenue)"]?.hasPrefix("4,235.51 EUR") == true)
        let json = try Self.json(CustomerValueReport(Self.card()))
        #expect(json.contains("\"net_clv_base_minor\" : null") && json.contains("\"acquisition_cost_base_minor\" : null"), "\(json)")
    }

    /// BG/NBD's P(alive) of a one-time buyer is 1 by construction; the card says so.
    @Test func aOneTimeBuyersCertainPAliveIsExplained() {
        let oneTime = Self.text(Self.card(repeatDays: 0, probabilityAlive: 1))["P(alive)"] ?? ""
        #expect(oneTime.hasPrefix("100.0 %") && oneTime.contains("by construction"), "\(oneTime)")
        #expect(Self.text(Self.card(repeatDays: 2, probabilityAlive: 1))["P(alive)"] == "100.0 %")
    }

    static let report = ValueReportResponse(
        scoringID: 5, runID: 3, by: .market, baseCurrency: "EUR",
        groups: [
            ValueGroup(
                key: "DE", customers: 1_000, totalCLVBaseMinor: 5_348_000, averageCLVBaseMinor: 5_348, customersWithCAC: 400,
                averageCLVWithCACBaseMinor: 5_220, averageCACBaseMinor: 2_373, clvToCAC: 5_220.0 / 2_373, hasCLVToCAC: true, belowHealthyRatio: true),
            ValueGroup(key: "FR", customers: 10, totalCLVBaseMinor: 10_000, averageCLVBaseMinor: 1_000),
        ],
        customers: 1_010, totalCLVBaseMinor: 5_358_000, top20PercentShare: 0.6,
        terms: ValueTerms.setting(horizonDays: 3 * Self.year, annualDiscountRate: 0.1, marginRate: 0.35))

    /// The ratio's two sides are printed, so 52.20 / 23.73 = 2.20 can be checked from the table.
    @Test func theReportShowsBothSidesOfCLVToCAC() throws {
        let table = ValueReportCommand.table(ValueReportCommand.Report(Self.report))
        let germany = try #require(table.split(separator: "\n").first { $0.hasPrefix("DE") })
        for cell in ["400", "52.20", "23.73", "2.20 < 3:1"] { #expect(germany.contains(cell), "\(germany)") }
        #expect(table.contains("over 3 years, discounted at 10.0 % a year, margin 35.0 %"), "\(table)")
        let json = try Self.json(ValueReportCommand.Report(Self.report))
        #expect(json.contains("\"clv_to_cac\" : null") && json.contains("\"average_cac_base_minor\" : null"), "\(json)")
        #expect(json.contains("\"horizon\" : \"3 years\""), "\(json)")
    }

    @Test func gammaIsLabelledWithTheBaseCurrency() {
        let run = ModelRun(
            runID: 1, fits: [ModelFit(model: "gamma_gamma", parameters: [Parameter(name: "gamma", value: 15.44)])], baseCurrency: "USD")
        #expect(ModelRunReport(run).rows.contains { $0.0 == "  gamma (USD)" && $0.1 == "15.44" })
    }

    @Test func moneyFollowsTheCurrencysMinorUnit() {
        #expect(Format.money(123_456_7, currency: "EUR") == "12,345.67 EUR")
        #expect(Format.money(160_000, currency: "JPY") == "160,000 JPY")
        #expect(Format.money(-1_234, currency: "KWD") == "-1.234 KWD")
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
