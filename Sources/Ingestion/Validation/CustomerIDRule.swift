import RPC

/// The identifier rule of ingestion for other services' requests: an id that ingestion would
/// refuse names no stored customer, and one with a NUL or control character never reaches SQL.
public enum CustomerIDRule {
    /// INVALID_ARGUMENT naming `field` when `value` is not an identifier ingestion accepts.
    public static func check(_ value: String, field: String = "customer_id") throws(RPCError) {
        if let problem = FieldRules.identifier(value, field: field) {
            throw RPCError.invalidArgument(field: problem.field, problem.reason)
        }
    }
}
