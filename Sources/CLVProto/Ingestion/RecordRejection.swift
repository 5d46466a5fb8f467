/// `clv.ingestion.v1.RecordRejection`: why one record of a batch was not stored.
public struct RecordRejection: Sendable, Hashable {
    /// Position of the record in the request.
    public var index: UInt32
    public var recordID: String
    /// The offending field, such as `amount.currency`.
    public var field: String
    public var reason: String
    /// A gRPC status code: INVALID_ARGUMENT, ALREADY_EXISTS or FAILED_PRECONDITION.
    public var code: UInt32

    public init(index: UInt32, recordID: String, field: String, reason: String, code: UInt32) {
        self.index = index
        self.recordID = recordID
        self.field = field
        self.reason = reason
        self.code = code
    }
}
