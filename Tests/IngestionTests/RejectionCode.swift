import RPC

/// The status codes a `RecordRejection` carries, as the wire's `uint32`.
enum RejectionCode {
    static let invalidArgument = UInt32(RPCStatusCode.invalidArgument.rawValue)
    static let alreadyExists = UInt32(RPCStatusCode.alreadyExists.rawValue)
    static let failedPrecondition = UInt32(RPCStatusCode.failedPrecondition.rawValue)
}
