/// `clv.rpc.v1.Frame`: one unit on the wire, in either direction.
public struct Frame: Sendable, Hashable {
    /// What a frame carries.
    public enum Kind: Sendable, Hashable {
        case request(CallRequest)
        case response(CallResponse)
        case cancel
        /// A frame whose `kind` was not set (or is from a newer protocol).
        case none
    }

    /// Chosen by the client; 0 is reserved for connection-level errors.
    public var callID: UInt64
    public var kind: Kind

    public init(callID: UInt64, kind: Kind) {
        self.callID = callID
        self.kind = kind
    }
}
