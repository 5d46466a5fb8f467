/// A service's method descriptors, server protocol and typed client, in the spirit of
/// grpc-swift's generated code: a namespace `<Service>RPC` holding all three.
struct ServiceGenerator {
    let schema: Schema
    let service: ServiceDeclaration

    private struct Method {
        let proto: ServiceDeclaration.Method
        let member: String
        let request: String
        let response: String
        let scope: String
    }

    func generate(into writer: inout SourceWriter) throws {
        let namespace = service.name + "RPC"
        let methods = try service.methods.map(method)
        writer.line()
        if !service.comment.isEmpty {
            writer.documentation(service.comment)
            writer.line("///")
        }
        writer.line("/// `\(service.fullName)`: its methods, the protocol a server implements and a typed client.")
        writer.block("public enum \(namespace)") { writer in
            writer.line("public static let serviceName = \"\(service.fullName)\"")
            writer.line()
            writer.line("/// Each method's full name, message types, streaming kind and scope.")
            writer.block("public enum Method") { writer in
                for (index, method) in methods.enumerated() {
                    if index > 0 { writer.line() }
                    writer.documentation(method.proto.comment)
                    writer.line("public static let \(method.member) = MethodDescriptor(")
                    writer.indented { writer in
                        writer.line("service: serviceName, method: \"\(method.proto.name)\",")
                        writer.line("request: \(method.request).self, response: \(method.response).self,")
                        writer.line("kind: \(method.proto.serverStreaming ? ".serverStreaming" : ".unary"), scope: \(method.scope))")
                    }
                }
            }
            writer.line()
            writer.line("/// Every method, in declaration order.")
            writer.line("public static let methods: [MethodDescriptor] = [\(methods.map { "Method.\($0.member)" }.joined(separator: ", "))]")
            writer.line()
            writer.line("/// What a server of the service implements; `register(into:)` adds it to a router, each")
            writer.line("/// method with its scope. A handler's thrown `RPCError` is the call's status.")
            writer.block("public protocol ServiceProtocol: Sendable") { writer in
                for (index, method) in methods.enumerated() {
                    if index > 0 { writer.line() }
                    writer.documentation(method.proto.comment)
                    if method.proto.serverStreaming {
                        writer.line("func \(method.member)(")
                        writer.indented { writer in
                            writer.line("_ request: \(method.request), responses: ResponseStreamWriter<\(method.response)>, context: ServerCallContext")
                        }
                        writer.line(") async throws")
                    } else {
                        writer.line("func \(method.member)(_ request: \(method.request), context: ServerCallContext) async throws -> \(method.response)")
                    }
                }
            }
            writer.line()
            writer.line("/// Calls the service over an `RPCClient`'s connection.")
            writer.block("public struct Client: Sendable") { writer in
                writer.line("public let client: RPCClient")
                writer.line()
                writer.block("public init(client: RPCClient)") { writer in writer.line("self.client = client") }
                for method in methods {
                    writer.line()
                    writer.documentation(method.proto.comment)
                    if method.proto.serverStreaming {
                        writer.block("public func \(method.member)(_ request: \(method.request) = \(method.request)(), options: CallOptions = CallOptions()) -> ServerStreamingCall<\(method.response)>") { writer in
                            writer.line("client.serverStreaming(Method.\(method.member), request, as: \(method.response).self, options: options)")
                        }
                    } else {
                        writer.line("public func \(method.member)(")
                        writer.indented { writer in
                            writer.line("_ request: \(method.request) = \(method.request)(), options: CallOptions = CallOptions()")
                        }
                        writer.block(") async throws(RPCError) -> \(method.response)") { writer in
                            writer.line("try await client.unary(Method.\(method.member), request, options: options)")
                        }
                    }
                }
            }
        }
        writer.line()
        writer.block("extension \(namespace).ServiceProtocol") { writer in
            writer.line("/// Adds the service's methods to `router`.")
            writer.block("public func register(into router: inout RPCRouter)") { writer in
                for method in methods {
                    if method.proto.serverStreaming {
                        writer.line("router.registerServerStreaming(\(namespace).Method.\(method.member)) { (request: \(method.request), responses: ResponseStreamWriter<\(method.response)>, context) in")
                        writer.indented { writer in
                            writer.line("try await self.\(method.member)(request, responses: responses, context: context)")
                        }
                        writer.line("}")
                    } else {
                        writer.line("router.registerUnary(\(namespace).Method.\(method.member)) { (request: \(method.request), context) in")
                        writer.indented { writer in
                            writer.line("try await self.\(method.member)(request, context: context)")
                        }
                        writer.line("}")
                    }
                }
            }
        }
    }

    private func method(_ proto: ServiceDeclaration.Method) throws -> Method {
        guard !proto.clientStreaming else {
            throw Schema.GenerationError(description: "\(service.fullName)/\(proto.name): clv's RPC layer has no client streaming")
        }
        guard let scope = proto.scope, !scope.isEmpty else {
            throw Schema.GenerationError(
                description: "\(service.fullName)/\(proto.name) declares no scope: add option (clv.rpc.v1.scope) = \"...\" (\"public\" for none)")
        }
        return Method(
            proto: proto, member: SwiftNaming.escaped(schema.naming.memberName(proto.name)),
            request: try schema.message(proto.inputType).swiftName, response: try schema.message(proto.outputType).swiftName,
            scope: scope == "public" ? ".public" : "AuthorizationScope(\"\(scope)\")")
    }
}
