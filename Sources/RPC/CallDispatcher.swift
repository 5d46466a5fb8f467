import Synchronization

/// Runs a call's handler inside the interceptor chain.
struct CallDispatcher: Sendable {
    let interceptors: [any ServerInterceptor]

    func run(
        _ method: RegisteredMethod, payload: [UInt8], context: ServerCallContext, sink: any ResponseSink
    ) async throws -> [UInt8]? {
        if interceptors.isEmpty {
            return try await method.handler(payload, context, sink)
        }
        // Interceptors see calls as Void; the handler's payload is carried out beside the chain.
        let response = Mutex<[UInt8]?>(nil)
        var next: @Sendable (ServerCallContext) async throws -> Void = { context in
            let payload = try await method.handler(payload, context, sink)
            response.withLock { $0 = payload }
        }
        for interceptor in interceptors.reversed() {
            let inner = next
            next = { context in try await interceptor.intercept(context: context, next: inner) }
        }
        try await next(context)
        return response.withLock { $0 }
    }
}
