/// `clv.rpc.v1.Status`: the outcome of a call, with gRPC's numeric codes.
public struct CallStatus: Sendable, Hashable {
    /// gRPC status code, 0 (OK) to 16 (UNAUTHENTICATED).
    public var code: Int32
    public var message: String
    /// For INVALID_ARGUMENT: each offending field.
    public var fieldViolations: [FieldViolation]

    public init(code: Int32, message: String = "", fieldViolations: [FieldViolation] = []) {
        self.code = code
        self.message = message
        self.fieldViolations = fieldViolations
    }
}
