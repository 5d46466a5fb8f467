/// `clv.ingestion.v1.RecordKindStats`: what the store holds of one kind of record.
public struct RecordKindStats: Sendable, Hashable {
    /// `customers`, `orders`, `events` or `exchange_rates`.
    public var kind: String
    public var stored: UInt64
    /// Records rejected since the store was created.
    public var rejected: UInt64
    /// Latest order, event or rate time stored, ms since the epoch; 0 when none.
    public var latestAtUnixMilliseconds: Int64

    public init(kind: String, stored: UInt64, rejected: UInt64, latestAtUnixMilliseconds: Int64) {
        self.kind = kind
        self.stored = stored
        self.rejected = rejected
        self.latestAtUnixMilliseconds = latestAtUnixMilliseconds
    }
}
