import CLVModels
import CLVProto

/// What a demo run loaded and what the valuation and segmentation services made of it.
public struct DemoOutcome: Sendable {
    public var customers = 0
    public var orders = 0
    public var events = 0
    public var rates = 0
    /// Records the ingestion service refused: none on a fresh store, but a stored exchange rate
    /// never changes, so the demo's rates for days already loaded with other rates are refused.
    public var rejected = 0
    /// The first refusal's kind of record and reason, to say why.
    public var firstRejection: String?
    public var baseCurrency = ""
    public var ingestSeconds = 0.0
    public var evaluation: ModelEvaluation?
    public var run: ModelRun?
    public var scoring: ScoreProgress?
    public var byMarket: ValueReportResponse?
    public var byChannel: ValueReportResponse?
    public var refresh: Refresh?
    /// Segments, stages, tiers, drivers and warnings, overall and by market.
    public var segments: SegmentSummaryResponse?
    public var churnModel: ChurnModel?
    /// Of the customers the refresh calls churned and the generator made churn, how many have
    /// their true cause as dominant driver, per cause.
    public var causes: [CLVModels.ChurnDriver: CauseMatch] = [:]
    /// The same over the customers the refresh calls dormant or churned.
    public var inactiveCauses: [CLVModels.ChurnDriver: CauseMatch] = [:]

    /// Churned customers of one true cause, and how many of them got it as their driver.
    public struct CauseMatch: Sendable {
        public var customers = 0
        public var matched = 0

        public init(customers: Int = 0, matched: Int = 0) {
            self.customers = customers
            self.matched = matched
        }
    }
}
