import CLVProtoC
import CProtobufC

/// One .proto file as protoc describes it, in plain Swift values.
struct FileDeclaration {
    var name: String
    var package: String
    var syntax: String
    /// FileOptions.swift_prefix: put before the Swift name of every top-level type.
    var swiftPrefix: String
    var messages: [MessageDeclaration]
    var enums: [EnumDeclaration]
    var services: [ServiceDeclaration]

    init(c: Google__Protobuf__FileDescriptorProto) {
        name = C.string(c.name)
        package = C.string(c.package)
        syntax = c.syntax == nil ? "proto2" : C.string(c.syntax)
        swiftPrefix = C.string(c.options?.pointee.swift_prefix)
        let comments = SourceComments(c.source_code_info)
        let scope = package.isEmpty ? "" : package + "."
        messages = C.messages(c.message_type, c.n_message_type).enumerated().map {
            MessageDeclaration(c: $1, scope: scope, path: [4, Int32($0)], comments: comments)
        }
        enums = C.messages(c.enum_type, c.n_enum_type).enumerated().map {
            EnumDeclaration(c: $1, scope: scope, path: [5, Int32($0)], comments: comments)
        }
        services = C.messages(c.service, c.n_service).enumerated().map {
            ServiceDeclaration(c: $1, scope: scope, path: [6, Int32($0)], comments: comments)
        }
    }
}
