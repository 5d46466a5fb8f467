import CLVProto

/// What a demo run loaded and what the valuation service made of it.
public struct DemoOutcome: Sendable {
    public var customers = 0
    public var orders = 0
    public var events = 0
    public var rates = 0
    /// Records the ingestion service refused (none are expected).
    public var rejected = 0
    public var baseCurrency = ""
    public var ingestSeconds = 0.0
    public var evaluation: ModelEvaluation?
    public var run: ModelRun?
    public var scoring: ScoreProgress?
    public var byMarket: ValueReportResponse?
    public var byChannel: ValueReportResponse?
}
