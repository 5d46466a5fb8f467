/// `clv.rpc.v1.FieldViolation`: one offending field of a request.
public struct FieldViolation: Sendable, Hashable {
    /// Path of the field in the request message, e.g. `orders[3].amount.currency`.
    public var field: String
    public var description: String

    public init(field: String, description: String) {
        self.field = field
        self.description = description
    }
}
