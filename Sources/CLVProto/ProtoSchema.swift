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
        /// The field's protobuf type.
        public enum Kind: Sendable, Hashable {
            case double, float, int32, int64, uint32, uint64, sint32, sint64
            case fixed32, fixed64, sfixed32, sfixed64, bool, `enum`, string, bytes, message
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
            kind = switch field.type {
            case PROTOBUF_C_TYPE_DOUBLE: .double
            case PROTOBUF_C_TYPE_FLOAT: .float
            case PROTOBUF_C_TYPE_INT32: .int32
            case PROTOBUF_C_TYPE_INT64: .int64
            case PROTOBUF_C_TYPE_UINT32: .uint32
            case PROTOBUF_C_TYPE_UINT64: .uint64
            case PROTOBUF_C_TYPE_SINT32: .sint32
            case PROTOBUF_C_TYPE_SINT64: .sint64
            case PROTOBUF_C_TYPE_FIXED32: .fixed32
            case PROTOBUF_C_TYPE_FIXED64: .fixed64
            case PROTOBUF_C_TYPE_SFIXED32: .sfixed32
            case PROTOBUF_C_TYPE_SFIXED64: .sfixed64
            case PROTOBUF_C_TYPE_BOOL: .bool
            case PROTOBUF_C_TYPE_ENUM: .enum
            case PROTOBUF_C_TYPE_STRING: .string
            case PROTOBUF_C_TYPE_BYTES: .bytes
            default: .message
            }
            messageSchema = kind == .message
                ? ProtoSchema(CMessageDescriptor(field.descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)))
                : nil
        }
    }
}
