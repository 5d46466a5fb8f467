import CLVProto
import Testing

@testable import RPC

@Suite struct InterceptorTests {
    private static let tokens = AccessTokens(["writer": ["test:write"], "reader": ["test:read"], "admin": ["*"]])

    private func code(token: String?, method: MethodDescriptor, server: TestServer) async throws -> RPCStatusCode {
        let client = try await server.client(token: token)
        defer { Task { await client.close() } }
        let response = try await client.rawUnary(method: method.fullName, payload: HealthCheckRequest(service: "s").serializedBytes())
        return RPCStatusCode(rawValue: response.outcome.code)
    }

    @Test func scopesAreEnforcedByTheAuthorizationInterceptor() async throws {
        let server = try await TestServer.start(interceptors: [AuthorizationInterceptor(tokens: Self.tokens)])
        #expect(try await code(token: nil, method: TestingService.echo, server: server) == .ok)
        #expect(try await code(token: nil, method: TestingService.secured, server: server) == .unauthenticated)
        #expect(try await code(token: "forged", method: TestingService.secured, server: server) == .unauthenticated)
        #expect(try await code(token: "reader", method: TestingService.secured, server: server) == .permissionDenied)
        #expect(try await code(token: "writer", method: TestingService.secured, server: server) == .ok)
        #expect(try await code(token: "admin", method: TestingService.secured, server: server) == .ok)
        try await server.stop()
    }

    @Test func interceptorsRunInOrderAroundTheHandler() async throws {
        let log = CallLog()
        let server = try await TestServer.start(interceptors: [Recording(name: "outer", log: log), Recording(name: "inner", log: log)])
        let client = try await server.client()
        _ = try await client.unary(TestingService.echo, HealthCheckRequest(service: "x"), as: HealthCheckRequest.self)
        #expect(log.entries == ["outer>", "inner>", "<inner", "<outer"])
        await client.close()
        try await server.stop()
    }
}

private struct Recording: ServerInterceptor {
    let name: String
    let log: CallLog

    func intercept(context: ServerCallContext, next: @Sendable (ServerCallContext) async throws -> Void) async throws {
        log.append("\(name)>")
        try await next(context)
        log.append("<\(name)")
    }
}
