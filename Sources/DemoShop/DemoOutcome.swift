import CLVProto

/// What a demo run loaded and what the valuation service made of it.
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
}
