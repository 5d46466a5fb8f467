import CLVProto
import RPC

/// A test-only service. Messages reuse `HealthCheckRequest` as a string carrier.
enum TestingService {
    static let name = "clv.testing.v1.Testing"
    static let echo = method("Echo")
    static let hold = method("Hold")
    static let sleep = method("Sleep")
    static let stream = method("Stream", kind: .serverStreaming)
    static let secured = method("Secured", scope: "test:write")
    static let fail = method("Fail")

    private static func method(_ name: String, kind: MethodDescriptor.Kind = .unary, scope: AuthorizationScope = .public) -> MethodDescriptor {
        MethodDescriptor(
            service: Self.name, method: name, request: HealthCheckRequest.self, response: HealthCheckRequest.self, kind: kind,
            scope: scope)
    }

    static func register(into router: inout RPCRouter, probe: CallProbe) {
        router.registerUnary(echo) { (request: HealthCheckRequest, _) in request }
        // Holds until the probe releases the key (the request's string), or the call is cancelled.
        router.registerUnary(hold) { (request: HealthCheckRequest, _) -> HealthCheckRequest in
            try await probe.hold(request.service)
            return request
        }
        // Sleeps the request's number of milliseconds.
        router.registerUnary(sleep) { (request: HealthCheckRequest, _) -> HealthCheckRequest in
            try await Task.sleep(for: .milliseconds(Int(request.service) ?? 0))
            return request
        }
        // Streams "0" ... "n-1"; with "n,fail" ends with DATA_LOSS after them.
        router.registerServerStreaming(stream) {
            (request: HealthCheckRequest, writer: ResponseStreamWriter<HealthCheckRequest>, _) in
            let parts = request.service.split(separator: ",")
            for index in 0..<(Int(parts.first ?? "") ?? 0) {
                try await writer.write(HealthCheckRequest(service: "\(index)"))
            }
            if parts.count > 1 { throw RPCError(code: .dataLoss, message: "stream broke") }
        }
        router.registerUnary(secured) { (request: HealthCheckRequest, _) in request }
        router.registerUnary(fail) { (request: HealthCheckRequest, _) -> HealthCheckRequest in
            throw RPCError.invalidArgument(field: "service", "must not be '\(request.service)'")
        }
    }
}
