import CLVProtoC
import CProtobufC

/// One .proto file as protoc describes it, in plain Swift values.
struct ProtoFile {
    var name: String
    var package: String
    var syntax: String
    /// FileOptions.swift_prefix: put before the Swift name of every top-level type.
    var swiftPrefix: String
    var messages: [ProtoMessage]
    var enums: [ProtoEnum]
    var services: [ProtoService]

    init(c: Google__Protobuf__FileDescriptorProto) {
        name = C.string(c.name)
        package = C.string(c.package)
        syntax = c.syntax == nil ? "proto2" : C.string(c.syntax)
        swiftPrefix = C.string(c.options?.pointee.swift_prefix)
        let comments = Comments(c.source_code_info)
        let scope = package.isEmpty ? "" : package + "."
        messages = C.messages(c.message_type, c.n_message_type).enumerated().map {
            ProtoMessage(c: $1, scope: scope, path: [4, Int32($0)], comments: comments)
        }
        enums = C.messages(c.enum_type, c.n_enum_type).enumerated().map {
            ProtoEnum(c: $1, scope: scope, path: [5, Int32($0)], comments: comments)
        }
        services = C.messages(c.service, c.n_service).enumerated().map {
            ProtoService(c: $1, scope: scope, path: [6, Int32($0)], comments: comments)
        }
    }
}

struct ProtoMessage {
    var name: String
    /// `clv.ingestion.v1.Order`, without the leading dot.
    var fullName: String
    var fields: [ProtoField]
    var oneofs: [String]
    var messages: [ProtoMessage]
    var enums: [ProtoEnum]
    /// The synthetic entry message of a map field.
    var isMapEntry: Bool
    var comment: String

    init(c: Google__Protobuf__DescriptorProto, scope: String, path: [Int32], comments: Comments) {
        name = C.string(c.name)
        fullName = scope + name
        let nestedScope = fullName + "."
        fields = C.messages(c.field, c.n_field).enumerated().map {
            ProtoField(c: $1, comment: comments[path + [2, Int32($0)]])
        }
        oneofs = C.messages(c.oneof_decl, c.n_oneof_decl).map { C.string($0.name) }
        messages = C.messages(c.nested_type, c.n_nested_type).enumerated().map {
            ProtoMessage(c: $1, scope: nestedScope, path: path + [3, Int32($0)], comments: comments)
        }
        enums = C.messages(c.enum_type, c.n_enum_type).enumerated().map {
            ProtoEnum(c: $1, scope: nestedScope, path: path + [4, Int32($0)], comments: comments)
        }
        isMapEntry = c.options.map { C.bool($0.pointee.map_entry) } ?? false
        comment = comments[path]
    }

    /// The oneofs a user declared: proto3 `optional` fields sit in synthetic oneofs of their own.
    var realOneofIndices: [Int] {
        oneofs.indices.filter { index in !fields.contains { $0.oneofIndex == index && $0.isProto3Optional } }
    }
}

struct ProtoField {
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

struct ProtoEnum {
    struct Value {
        var name: String
        var number: Int32
        var comment: String
    }

    var name: String
    var fullName: String
    var values: [Value]
    var comment: String

    init(c: Google__Protobuf__EnumDescriptorProto, scope: String, path: [Int32], comments: Comments) {
        name = C.string(c.name)
        fullName = scope + name
        values = C.messages(c.value, c.n_value).enumerated().map {
            Value(name: C.string($1.name), number: $1.number, comment: comments[path + [2, Int32($0)]])
        }
        comment = comments[path]
    }
}

struct ProtoService {
    struct Method {
        var name: String
        var inputType: String
        var outputType: String
        var clientStreaming: Bool
        var serverStreaming: Bool
        /// The `(clv.rpc.v1.scope)` option; nil when the method does not declare one.
        var scope: String?
        var comment: String
    }

    var name: String
    var fullName: String
    var methods: [Method]
    var comment: String

    init(c: Google__Protobuf__ServiceDescriptorProto, scope: String, path: [Int32], comments: Comments) {
        name = C.string(c.name)
        fullName = scope + name
        methods = C.messages(c.method, c.n_method).enumerated().map { index, method in
            Method(
                name: C.string(method.name), inputType: C.string(method.input_type),
                outputType: C.string(method.output_type),
                clientStreaming: C.bool(method.client_streaming), serverStreaming: C.bool(method.server_streaming),
                scope: method.options.flatMap { ScopeOption.read($0) },
                comment: comments[path + [2, Int32(index)]])
        }
        comment = comments[path]
    }
}

/// `(clv.rpc.v1.scope)`, declared in clv/rpc/v1/options.proto. protobuf-c knows no extensions, so
/// the option arrives among MethodOptions' unknown fields.
enum ScopeOption {
    static let fieldNumber: UInt32 = 50100

    static func read(_ options: UnsafeMutablePointer<Google__Protobuf__MethodOptions>) -> String? {
        let base = options.pointee.base
        guard let fields = base.unknown_fields else { return nil }
        var scope: String?
        for index in 0..<Int(base.n_unknown_fields) {
            let field = fields[index]
            guard field.tag == fieldNumber, field.wire_type == PROTOBUF_C_WIRE_TYPE_LENGTH_PREFIXED, let data = field.data else { continue }
            // protobuf-c keeps a length-delimited unknown field with its length prefix.
            var bytes = UnsafeBufferPointer(start: data, count: field.len)[...]
            while let byte = bytes.first, byte & 0x80 != 0 { bytes = bytes.dropFirst() }
            scope = String(decoding: bytes.dropFirst(), as: UTF8.self)
        }
        return scope
    }
}

/// The comments protoc keeps in SourceCodeInfo, by descriptor path.
struct Comments {
    private var byPath: [[Int32]: String] = [:]

    init(_ info: UnsafeMutablePointer<Google__Protobuf__SourceCodeInfo>?) {
        guard let info else { return }
        for location in C.messages(info.pointee.location, info.pointee.n_location) {
            let path = location.path.map { Array(UnsafeBufferPointer(start: $0, count: location.n_path)) } ?? []
            let text = [C.string(location.leading_comments), C.string(location.trailing_comments)]
                .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.joined(separator: "\n")
            if !text.isEmpty { byPath[path] = text }
        }
    }

    subscript(path: [Int32]) -> String { byPath[path] ?? "" }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
