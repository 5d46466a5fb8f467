/// `clv.ingestion.v1.IngestResponse`: the answer to every batch write.
///
/// `received == inserted + updated + unchanged + rejections.count`.
public struct IngestResponse: Sendable, Hashable {
    public var received: UInt32
    /// Stored for the first time.
    public var inserted: UInt32
    /// Stored before and changed by this batch.
    public var updated: UInt32
    /// Identical to what was stored: a replay.
    public var unchanged: UInt32
    public var rejections: [RecordRejection]

    public init(received: UInt32, inserted: UInt32 = 0, updated: UInt32 = 0, unchanged: UInt32 = 0, rejections: [RecordRejection] = []) {
        self.received = received
        self.inserted = inserted
        self.updated = updated
        self.unchanged = unchanged
        self.rejections = rejections
    }

    /// Records now stored as sent: inserted, updated or unchanged.
    public var accepted: UInt32 { inserted + updated + unchanged }
}
