/// A domain error that knows which RPC status it stands for.
///
/// Handlers may throw these; the server turns them into the call's status.
public protocol RPCErrorConvertible: Error {
    var rpcError: RPCError { get }
}

extension RPCError {
    /// The RPC status for any error a handler or the transport threw.
    ///
    /// Unknown errors become INTERNAL with a generic message, so nothing private leaks to the peer.
    public init(from error: any Error) {
        switch error {
        case let error as RPCError:
            self = error
        case let error as any RPCErrorConvertible:
            self = error.rpcError
        case is CancellationError:
            self.init(code: .cancelled, message: "call cancelled", cause: error)
        default:
            self.init(code: .internal, message: "internal error", cause: error)
        }
    }
}
