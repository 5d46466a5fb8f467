import CLVProto
import RPC

/// A test-only service. Messages reuse `HealthCheckRequest` as a string carrier.
enum TestingService {
    static let name = "clv.testing.v1.Testing"
    static let echo = MethodDescriptor(service: name, method: "Echo")
    static let hold = MethodDescriptor(service: name, method: "Hold")
    static let sleep = MethodDescriptor(service: name, method: "Sleep")
    static let stream = MethodDescriptor(service: name, method: "Stream")
    static let secured = MethodDescriptor(service: name, method: "Secured")
    static let fail = MethodDescriptor(service: name, method: "Fail")

    static func register(into router: inout RPCRouter, probe: CallProbe) {
        router.registerUnary(echo, scope: .public) { (request: HealthCheckRequest, _) in request }
        // Holds until the probe releases the key (the request's string), or the call is cancelled.
        router.registerUnary(hold, scope: .public) { (request: HealthCheckRequest, _) -> HealthCheckRequest in
            try await probe.hold(request.service)
            return request
        }
        // Sleeps the request's number of milliseconds.
        router.registerUnary(sleep, scope: .public) { (request: HealthCheckRequest, _) -> HealthCheckRequest in
            try await Task.sleep(for: .milliseconds(Int(request.service) ?? 0))
            return request
        }
        // Streams "0" ... "n-1"; with "n,fail" ends with DATA_LOSS after them.
        router.registerServerStreaming(stream, scope: .public) {
            (request: HealthCheckRequest, writer: ResponseStreamWriter<HealthCheckRequest>, _) in
            let parts = request.service.split(separator: ",")
            for index in 0..<(Int(parts.first ?? "") ?? 0) {
                try await writer.write(HealthCheckRequest(service: "\(index)"))
            }
            if parts.count > 1 { throw RPCError(code: .dataLoss, message: "stream broke") }
        }
        router.registerUnary(secured, scope: "test:write") { (request: HealthCheckRequest, _) in request }
        router.registerUnary(fail, scope: .public) { (request: HealthCheckRequest, _) -> HealthCheckRequest in
            throw RPCError.invalidArgument(field: "service", "must not be '\(request.service)'")
        }
    }
}
