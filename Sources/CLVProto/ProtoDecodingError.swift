/// The bytes are not a valid encoding of the expected message.
public struct ProtoDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The protobuf message that was expected, e.g. `clv.rpc.v1.Frame`.
    public let messageName: String

    public init(messageName: String) {
        self.messageName = messageName
    }

    public var description: String { "bytes do not decode as \(messageName)" }
}
