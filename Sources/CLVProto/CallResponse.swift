/// `clv.rpc.v1.Response`: a message of a call, and for the last one its status.
public struct CallResponse: Sendable, Hashable {
    public var status: CallStatus
    /// The method's own response message, encoded.
    public var payload: [UInt8]
    /// True on the last response of a call.
    public var endOfStream: Bool

    public init(status: CallStatus = CallStatus(code: 0), payload: [UInt8] = [], endOfStream: Bool) {
        self.status = status
        self.payload = payload
        self.endOfStream = endOfStream
    }
}
