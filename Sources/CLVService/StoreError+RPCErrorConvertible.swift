import RPC
import Store

extension StoreError: RPCErrorConvertible {
    /// The status a call gets when the store fails it. Messages name no parameters or row data.
    public var rpcError: RPCError {
        switch kind {
        case .unavailable, .closed:
            RPCError(code: .unavailable, message: "database unavailable", cause: self)
        case .cancelled:
            RPCError(code: .cancelled, message: "database query cancelled", cause: self)
        case .timeout:
            RPCError(code: .deadlineExceeded, message: "database query timed out", cause: self)
        case .uniqueViolation:
            RPCError(code: .alreadyExists, message: message, cause: self)
        case .foreignKeyViolation:
            RPCError(code: .failedPrecondition, message: message, cause: self)
        case .serializationFailure:
            RPCError(code: .aborted, message: "concurrent update, retry the call", cause: self)
        case .query, .decoding, .configuration:
            RPCError(code: .internal, message: "internal error", cause: self)
        }
    }
}
