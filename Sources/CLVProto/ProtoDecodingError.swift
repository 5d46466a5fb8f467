/// The bytes are not a valid encoding of the expected message, or a string field in them is not
/// valid text.
public struct ProtoDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The protobuf message that was expected, e.g. `clv.rpc.v1.Frame`.
    public let messageName: String
    /// The string field at fault, as a path within the message (`orders[3].order_id`); nil when
    /// the bytes do not decode at all.
    public let field: String?
    /// What is wrong with that field, e.g. "contains a NUL byte".
    public let reason: String?

    public init(messageName: String, field: String? = nil, reason: String? = nil) {
        self.messageName = messageName
        self.field = field
        self.reason = reason
    }

    public var description: String {
        guard let field, let reason else { return "bytes do not decode as \(messageName)" }
        return "\(messageName).\(field) \(reason): strings must be UTF-8 without NUL bytes"
    }
}
