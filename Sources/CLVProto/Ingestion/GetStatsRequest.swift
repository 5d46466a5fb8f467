/// `clv.ingestion.v1.GetStatsRequest`: no fields.
public struct GetStatsRequest: Sendable, Hashable {
    public init() {}
}
