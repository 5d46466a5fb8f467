/// `clv.rpc.v1.Request`: starts a call.
public struct CallRequest: Sendable, Hashable {
    /// Full method name, `/clv.ingestion.v1.Ingestion/IngestOrders` form.
    public var method: String
    /// Deadline relative to receipt, in milliseconds; 0 means none.
    public var timeoutMilliseconds: UInt32
    /// Call metadata: `authorization`, tracing ids.
    public var metadata: [String: String]
    /// The method's own request message, encoded.
    public var payload: [UInt8]

    public init(method: String, timeoutMilliseconds: UInt32 = 0, metadata: [String: String] = [:], payload: [UInt8] = []) {
        self.method = method
        self.timeoutMilliseconds = timeoutMilliseconds
        self.metadata = metadata
        self.payload = payload
    }
}
