import CLVProtoC
import CProtobufC

/// A message of a .proto file, with its nested types.
struct MessageDeclaration {
    var name: String
    /// `clv.ingestion.v1.Order`, without the leading dot.
    var fullName: String
    var fields: [FieldDeclaration]
    var oneofs: [String]
    var messages: [MessageDeclaration]
    var enums: [EnumDeclaration]
    /// The synthetic entry message of a map field.
    var isMapEntry: Bool
    var comment: String

    init(c: Google__Protobuf__DescriptorProto, scope: String, path: [Int32], comments: SourceComments) {
        name = C.string(c.name)
        fullName = scope + name
        let nestedScope = fullName + "."
        fields = C.messages(c.field, c.n_field).enumerated().map {
            FieldDeclaration(c: $1, comment: comments[path + [2, Int32($0)]])
        }
        oneofs = C.messages(c.oneof_decl, c.n_oneof_decl).map { C.string($0.name) }
        messages = C.messages(c.nested_type, c.n_nested_type).enumerated().map {
            MessageDeclaration(c: $1, scope: nestedScope, path: path + [3, Int32($0)], comments: comments)
        }
        enums = C.messages(c.enum_type, c.n_enum_type).enumerated().map {
            EnumDeclaration(c: $1, scope: nestedScope, path: path + [4, Int32($0)], comments: comments)
        }
        isMapEntry = c.options.map { C.bool($0.pointee.map_entry) } ?? false
        comment = comments[path]
    }

    /// The oneofs a user declared: proto3 `optional` fields sit in synthetic oneofs of their own.
    var realOneofIndices: [Int] {
        oneofs.indices.filter { index in !fields.contains { $0.oneofIndex == index && $0.isProto3Optional } }
    }
}
