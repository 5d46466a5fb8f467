import CLVProto
import Testing

@testable import clv

/// The customer's segments card, the transitions and the churn model report as people read them.
@Suite struct SegmentationCardsTests {
    static let refresh = Refresh(
        refreshID: 4, asOf: "2026-12-01", valueBasis: ValueBasis(kind: "predicted_clv", baseCurrency: "JPY", description: "predicted CLV"))

    static func card(stored: Bool) -> CustomerSegments {
        let assignment = Assignment(
            asOf: "2026-12-01", rfm: RFMScore(recency: 1, frequency: 5, monetary: 4, composite: 3.55), segment: .cantLoseThem, stage: .dormant,
            tier: .high, warnings: [
                Warning(code: .frequencyDrop, severity: .high, baseline: 2, current: 0.5, windowDays: 182, detail: "0.5 purchase days per 30 days, down from 2"),
            ], driver: .logistics, churnRisk: 0.8, hasChurnRisk: true, value: 125_000)
        return CustomerSegments(
            customerID: "k-9", current: assignment, stored: stored ? Assignment(asOf: "2026-11-01", segment: .champions, stage: .mature, value: 90_000) : nil,
            refresh: Self.refresh,
            facts: CustomerFacts(
                market: "JP", hasPurchase: true, firstPurchaseOn: "2024-01-05", lastPurchaseOn: "2026-05-01", recencyDays: 214, tenureDays: 1_061,
                frequency: 9, completedOrders: 11, revenueBaseMinor: 480_000, averageOrderBaseMinor: 43_636.4,
                evidence: [DriverEvidence(driver: .logistics, events: 3)]),
            stageHistory: [StageChange(refreshID: 4, asOf: "2026-12-01", fromStage: .mature, toStage: .dormant)], churnModelID: 2)
    }

    @Test func currentStandsBesideStored() throws {
        let lines = CustomerSegmentsReport(Self.card(stored: true)).text.split(separator: "\n").map(String.init)
        let segment = try #require(lines.first { $0.hasPrefix("segment ") })
        #expect(segment.contains("Can't Lose Them") && segment.hasSuffix("Champions"), "\(segment)")
        let value = try #require(lines.first { $0.hasPrefix("value ") })
        #expect(value.contains("125,000 JPY") && value.hasSuffix("90,000 JPY"), "\(value)")
        #expect(lines.contains { $0.hasPrefix("RFM") && $0.contains("R 1 F 5 M 4") && $0.hasSuffix("— (no purchase)") }, "\(lines)")
        #expect(lines.contains("  HIGH Frequency drop: 0.5 purchase days per 30 days, down from 2"), "\(lines)")
        #expect(lines.contains("evidence: Logistics 3 events") && lines.contains("dominant driver: Logistics"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("recency") && $0.hasSuffix("214 days since the last purchase") }, "\(lines)")
        #expect(lines.contains("  2026-12-01 (refresh 4): Mature → Dormant"), "\(lines)")
    }

    @Test func aCustomerTheRefreshDidNotHoldSaysSo() throws {
        let report = CustomerSegmentsReport(Self.card(stored: false))
        let segment = try #require(report.text.split(separator: "\n").first { $0.hasPrefix("segment ") })
        #expect(segment.hasSuffix("not in the refresh"), "\(segment)")
        let json = try FiguresTests.json(report)
        #expect(json.contains("\"stored\" : null") && json.contains("\"evidence\" : {\n      \"logistics\" : 3"), "\(json)")
    }

    @Test func transitionsNameNewcomers() {
        let response = SegmentTransitionsResponse(
            fromRefresh: Refresh(refreshID: 3, asOf: "2026-11-01"), toRefresh: Self.refresh,
            stages: [Transition(from: "", to: "new", customers: 12), Transition(from: "mature", to: "dormant", customers: 3)])
        let text = SegmentsTransitionsCommand.Report(response).text
        #expect(text.hasPrefix("from refresh 3 as of 2026-11-01 to refresh 4 as of 2026-12-01"), "\(text)")
        #expect(text.contains("(new)       New              12") && text.contains("Mature      Dormant           3"), "\(text)")
    }

    /// 22 scorecard terms: two recency bins, then weak frequency bins of which the text leaves out the two weakest.
    static let terms = [
        Coefficient(feature: "recency_days < 30", description: "days since the last purchase", weight: -0.412, rawWeight: -0.9),
        Coefficient(feature: "recency_days ≥ 180", description: "days since the last purchase", weight: 0.954, rawWeight: 0.007563),
    ] + (1...20).map {
        Coefficient(
            feature: "frequency in [\($0), \($0 + 1))", description: "distinct purchase days", weight: 0.001 * Double($0), rawWeight: 0.01)
    }

    static let model = ChurnModel(
        modelID: 2, windowDays: 180, trainCutoff: "2025-12-05", validateCutoff: "2026-06-03", l2: 1, trainCustomers: 227, validateCustomers: 323,
        trainChurnRate: 0.423, validateChurnRate: 0.492, coefficients: Self.terms,
        intercept: -0.286, iterations: 5, converged: true,
        metrics: [
            ClassifierMetrics(
                scorer: "churn_model", auc: 0.841, prAUC: 0.869, threshold: 0.423, precision: 0.766, recall: 0.761,
                confusion: ConfusionMatrix(truePositives: 121, falsePositives: 37, trueNegatives: 127, falseNegatives: 38),
                deciles: [Decile(decile: 1, customers: 32, meanPredicted: 0.995, observedRate: 1, lift: 2.03)]),
            ClassifierMetrics(scorer: "recency", auc: 0.848, threshold: 180),
        ])

    @Test func theChurnReportShowsEveryScorerAndTheModelsDeciles() throws {
        let lines = ChurnModelReport(Self.model).text.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("model") == true, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("train") && $0.hasSuffix("cut-off 2025-12-05, 227 customers, churn rate 42.3 %") }, "\(lines)")
        let model = try #require(lines.first { $0.hasPrefix("churn_model ") })
        for cell in ["0.841", "0.869", "0.423", "76.6 %", "76.1 %", "121", "37", "127", "38"] { #expect(model.contains(cell), "\(model)") }
        // Recency's threshold is days, not a risk.
        #expect(lines.first { $0.hasPrefix("recency ") }?.contains("180 days") == true, "\(lines)")
        #expect(lines.contains { $0.hasSuffix("32          99.5 %        100.0 %  2.03") }, "\(lines)")
        // The strongest terms by |per SD| first, each with its log-odds when it holds.
        let heading = "the 20 strongest of 22 scorecard terms by |per SD| (log-odds of churn; intercept -0.286; all with --json):"
        #expect(lines.contains(heading), "\(lines)")
        let strong = try #require(lines.firstIndex { $0.hasPrefix("recency_days ≥ 180") && $0.contains("0.954") && $0.hasSuffix("0.008") })
        let negative = try #require(
            lines.firstIndex { $0.hasPrefix("recency_days < 30") && $0.contains("-0.412") && $0.hasSuffix("-0.900") })
        #expect(strong < negative && lines.contains { $0.hasPrefix("frequency in [3, 4)") })
        #expect(!lines.contains { $0.hasPrefix("frequency in [2, 3)") })
        let json = try FiguresTests.json(ChurnModelReport(Self.model))
        #expect(json.contains("\"pr_auc\" : 0.869") && json.contains("\"true_positives\" : 121") && json.contains("\"raw_weight\" : 0.007563"), "\(json)")
    }

    @Test func summaryNamesReadAsPeopleSayThem() {
        #expect(SegmentationNames.display("cant_lose_them") == "Can't Lose Them")
        #expect(SegmentationNames.display("about_to_sleep") == "About to Sleep")
        #expect(SegmentationNames.display("product_quality") == "Product quality")
        #expect(SegmentationNames.display("none") == "(none)" && SegmentationNames.display("") == "(none)")
    }
}
