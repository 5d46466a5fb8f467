import CLVProtoC
import CProtobufC

/// An enum of a .proto file or message.
struct EnumDeclaration {
    struct Value {
        var name: String
        var number: Int32
        var comment: String
    }

    var name: String
    var fullName: String
    var values: [Value]
    var comment: String

    init(c: Google__Protobuf__EnumDescriptorProto, scope: String, path: [Int32], comments: SourceComments) {
        name = C.string(c.name)
        fullName = scope + name
        values = C.messages(c.value, c.n_value).enumerated().map {
            Value(name: C.string($1.name), number: $1.number, comment: comments[path + [2, Int32($0)]])
        }
        comment = comments[path]
    }
}
