import CLVModels
import CLVProto
import CLVStubs
import Foundation
import Ingestion
import RPC
import Valuation

/// Runs the demo against a server: generates the shop, ingests it over RPC, evaluates the
/// model on a holdout, fits and scores, reports value by market and channel, refreshes the
/// segments, trains the churn model, and checks the churn drivers against the true causes.
public struct DemoRunner: Sendable {
    public let ingestion: IngestionRPC.Client
    public let valuation: ValuationRPC.Client
    public let segmentation: SegmentationRPC.Client
    /// Called with a line of progress for people.
    public let progress: @Sendable (String) -> Void
    /// The demo values customers over three years, a common planning horizon.
    public static let horizonYears = 3.0

    public init(
        ingestion: IngestionRPC.Client, valuation: ValuationRPC.Client, segmentation: SegmentationRPC.Client,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.ingestion = ingestion
        self.valuation = valuation
        self.segmentation = segmentation
        self.progress = progress
    }

    public func run(_ generator: DemoShopGenerator, top: UInt32 = 10) async throws -> DemoOutcome {
        var outcome = DemoOutcome()
        var base = try await ingestion.getStats().baseCurrency
        if base.isEmpty { base = try await ingestion.setBaseCurrency("EUR").currency }
        outcome.baseCurrency = base
        progress("generating \(generator.customers) customers over \(generator.firstDay.text) – \(generator.lastDay.text)")
        let data = generator.generate(baseCurrency: base)
        let clock = ContinuousClock()
        let start = clock.now
        outcome.rates = data.rates.count
        try await send(data.rates, kind: "exchange rates", into: &outcome) { try await ingestion.upsertExchangeRates($0) }
        outcome.customers = data.customers.count
        try await send(data.customers, kind: "customers", into: &outcome) { try await ingestion.upsertCustomers($0) }
        outcome.orders = data.orders.count
        try await send(data.orders, kind: "orders", into: &outcome) { try await ingestion.ingestOrders($0) }
        outcome.events = data.events.count
        try await send(data.events, kind: "events", into: &outcome) { try await ingestion.ingestEvents($0) }
        outcome.ingestSeconds = (clock.now - start).inSeconds

        // Half a year of holdout: what the model would have predicted for what then happened.
        let calibrationEnd = CalendarDay(daysSinceEpoch: generator.lastDay.daysSinceEpoch - 182)
        progress("evaluating BG/NBD: calibration to \(calibrationEnd.text), holdout to \(generator.lastDay.text)")
        outcome.evaluation = try await valuation.evaluateModel(
            EvaluateModelRequest(purchaseModel: .bgNBD, calibrationEnd: calibrationEnd.text, holdoutEnd: generator.lastDay.text, timeUnit: .week))
        progress("fitting BG/NBD and Gamma-Gamma on everything to \(generator.lastDay.text)")
        let run = try await valuation.fitModel(
            FitModelRequest(purchaseModel: .bgNBD, spendModel: .gammaGamma, calibrationEnd: generator.lastDay.text, timeUnit: .week))
        outcome.run = run
        progress("scoring every customer with run \(run.runID): value over the next \(Int(Self.horizonYears)) years")
        let terms = ValueTerms.setting(horizonDays: Self.horizonYears * ValueTerms.daysPerYear)
        for try await step in valuation.scoreCustomers(ScoreCustomersRequest(runID: run.runID, terms: terms)) where step.done {
            outcome.scoring = step
        }
        outcome.byMarket = try await valuation.valueReport(ValueReportRequest(by: .market, top: top))
        outcome.byChannel = try await valuation.valueReport(ValueReportRequest(by: .channel))

        progress("refreshing segments: RFM, lifecycle stages, value tiers, churn warnings and drivers")
        for try await step in segmentation.refreshSegments(RefreshSegmentsRequest()) where step.done {
            outcome.refresh = step.refresh
        }
        outcome.segments = try await segmentation.segmentSummary(SegmentSummaryRequest(by: .market))
        progress("training the churn model: no purchase in the 180 days after a cut-off, validated on a later cut-off")
        outcome.churnModel = try await segmentation.trainChurnModel(TrainChurnModelRequest())
        try await matchCauses(data.trueCauses, into: &outcome)
        return outcome
    }

    /// The dominant drivers of the dormant and churned members against the causes the generator gave them.
    private func matchCauses(_ causes: [String: CLVModels.ChurnDriver], into outcome: inout DemoOutcome) async throws {
        for try await page in segmentation.listSegmentMembers(ListSegmentMembersRequest(stages: [.dormant, .churned], pageSize: 10_000)) {
            for member in page.members {
                guard let cause = causes[member.customerID] else { continue }
                let matched = member.driver.name == cause.rawValue ? 1 : 0
                outcome.inactiveCauses[cause, default: DemoOutcome.CauseMatch()].customers += 1
                outcome.inactiveCauses[cause, default: DemoOutcome.CauseMatch()].matched += matched
                if member.stage == .churned {
                    outcome.causes[cause, default: DemoOutcome.CauseMatch()].customers += 1
                    outcome.causes[cause, default: DemoOutcome.CauseMatch()].matched += matched
                }
            }
        }
    }

    /// Sends `records` in batches of 5,000, four in flight; returns the rejections.
    /// Sends `records` in batches, four in flight, and counts what was refused in `outcome`.
    private func send<Record: Sendable>(
        _ records: [Record], kind: String, into outcome: inout DemoOutcome,
        _ call: @escaping @Sendable ([Record]) async throws -> IngestResponse
    ) async throws {
        progress("ingesting \(records.count) \(kind)")
        let batches = stride(from: 0, to: records.count, by: 5_000).map { Array(records[$0..<min($0 + 5_000, records.count)]) }
        let rejections = try await withThrowingTaskGroup(of: [RecordRejection].self) { group in
            var rejections: [RecordRejection] = []
            var next = 0
            while next < min(4, batches.count) {
                let batch = batches[next]
                group.addTask { try await call(batch).rejections }
                next += 1
            }
            while let done = try await group.next() {
                rejections += done
                if next < batches.count {
                    let batch = batches[next]
                    group.addTask { try await call(batch).rejections }
                    next += 1
                }
            }
            return rejections
        }
        outcome.rejected += rejections.count
        if outcome.firstRejection == nil, let first = rejections.first {
            outcome.firstRejection = "\(kind): \(first.reason)"
        }
    }
}
