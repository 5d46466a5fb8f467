import CLVProto

extension CallResponse {
    /// The call's status: absent on the wire means OK.
    public var outcome: CallStatus { status ?? CallStatus() }
}
