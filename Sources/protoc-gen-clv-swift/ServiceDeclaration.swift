import CLVProtoC
import CProtobufC

/// A service of a .proto file, with each method's scope.
struct ServiceDeclaration {
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

    init(c: Google__Protobuf__ServiceDescriptorProto, scope: String, path: [Int32], comments: SourceComments) {
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
