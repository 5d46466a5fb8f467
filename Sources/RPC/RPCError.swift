import CLVProto

/// The error of a call: a gRPC status code, a message, and for INVALID_ARGUMENT the offending fields.
public struct RPCError: Error, Sendable, CustomStringConvertible {
    public var code: RPCStatusCode
    public var message: String
    public var fieldViolations: [CallFieldViolation]
    /// What caused it, for logs; never sent to the peer.
    public var cause: (any Error)?

    public init(code: RPCStatusCode, message: String, fieldViolations: [CallFieldViolation] = [], cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.fieldViolations = fieldViolations
        self.cause = cause
    }

    /// INVALID_ARGUMENT naming each offending field.
    public static func invalidArgument(_ violations: [CallFieldViolation]) -> RPCError {
        let summary = violations.map { "\($0.field): \($0.description)" }.joined(separator: "; ")
        return RPCError(code: .invalidArgument, message: summary, fieldViolations: violations)
    }

    /// INVALID_ARGUMENT for one field.
    public static func invalidArgument(field: String, _ description: String) -> RPCError {
        invalidArgument([CallFieldViolation(field: field, description: description)])
    }

    public var description: String {
        var text = "\(code): \(message)"
        if let cause { text += " (cause: \(cause))" }
        return text
    }

    /// The status this error puts on the wire.
    public var status: CallStatus {
        CallStatus(code: code.rawValue, message: message, fieldViolations: fieldViolations)
    }

    /// The error a non-OK wire status stands for.
    public init(status: CallStatus) {
        self.init(
            code: RPCStatusCode(rawValue: status.code), message: status.message,
            fieldViolations: status.fieldViolations)
    }
}
