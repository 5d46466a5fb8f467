import CLVProtoC
import CProtobufC

/// A field of a message.
struct FieldDeclaration {
    enum Kind: UInt32 {
        case double = 1, float, int64, uint64, int32, fixed64, fixed32, bool, string, group, message, bytes,
            uint32, `enum`, sfixed32, sfixed64, sint32, sint64
    }

    var name: String
    var number: Int32
    var kind: Kind
    var isRepeated: Bool
    /// For messages and enums: `.clv.ingestion.v1.Money`.
    var typeName: String
    var oneofIndex: Int?
    var isProto3Optional: Bool
    var comment: String

    init(c: Google__Protobuf__FieldDescriptorProto, comment: String) {
        name = C.string(c.name)
        number = c.number
        kind = Kind(rawValue: c.type.rawValue) ?? .group
        isRepeated = c.label == GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__LABEL__LABEL_REPEATED
        typeName = C.string(c.type_name)
        oneofIndex = C.bool(c.has_oneof_index) ? Int(c.oneof_index) : nil
        isProto3Optional = C.bool(c.has_proto3_optional) && C.bool(c.proto3_optional)
        self.comment = comment
    }
}
