/// Bounds on what one record or batch may hold.
enum IngestionLimits {
    /// Records in one batch call; larger loads send several batches.
    static let maximumBatchRecords = 50_000
    /// Characters of an id (customer, order, event).
    static let maximumIDLength = 200
    /// Characters of a short label (platform, channel).
    static let maximumLabelLength = 100
    static let maximumAttributes = 50
    static let maximumAttributeKeyLength = 100
    static let maximumAttributeValueLength = 1_000
    /// How far ahead of the server's clock a timestamp may be (clock skew between systems).
    static let futureToleranceMilliseconds: Int64 = 24 * 3_600_000
}
