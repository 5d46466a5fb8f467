import CProtobufC

/// A message type's fields as the generated tables describe them: for code that walks any
/// message, such as tests that put a bad value into every string field of every request.
public struct ProtoSchema: Sendable {
    private let descriptor: CMessageDescriptor

    init(_ descriptor: CMessageDescriptor) {
        self.descriptor = descriptor
    }

    /// The full protobuf name, e.g. `clv.ingestion.v1.Order`.
    public var name: String { String(cString: descriptor.pointer.pointee.name) }

    /// The fields, in declaration order.
    public var fields: [Field] {
        let message = descriptor.pointer.pointee
        return (0..<Int(message.n_fields)).map { Field(message.fields[$0]) }
    }

    /// One field of the message.
    public struct Field: Sendable {
        public enum Kind: Sendable, Hashable {
            case string, bytes, message, `enum`, bool
            /// Numbers of every width and encoding.
            case number
        }

        public let name: String
        public let number: UInt32
        public let kind: Kind
        public let isRepeated: Bool
        /// The message type of a message field (a map's entry type for a map field).
        public let messageSchema: ProtoSchema?

        init(_ field: ProtobufCFieldDescriptor) {
            name = String(cString: field.name)
            number = field.id
            isRepeated = field.label == PROTOBUF_C_LABEL_REPEATED
            switch field.type {
            case PROTOBUF_C_TYPE_STRING: kind = .string
            case PROTOBUF_C_TYPE_BYTES: kind = .bytes
            case PROTOBUF_C_TYPE_MESSAGE: kind = .message
            case PROTOBUF_C_TYPE_ENUM: kind = .enum
            case PROTOBUF_C_TYPE_BOOL: kind = .bool
            default: kind = .number
            }
            messageSchema = kind == .message
                ? ProtoSchema(CMessageDescriptor(field.descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)))
                : nil
        }
    }
}
