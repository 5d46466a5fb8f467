import Logging

/// Logs every call's method, outcome and duration at debug level, and failures at info.
public struct LoggingInterceptor: ServerInterceptor {
    public init() {}

    public func intercept(
        context: ServerCallContext, next: @Sendable (ServerCallContext) async throws -> Void
    ) async throws {
        let start = ContinuousClock.now
        do {
            try await next(context)
            context.logger.debug("call ok", metadata: ["duration": "\(ContinuousClock.now - start)"])
        } catch {
            let status = RPCError(from: error)
            context.logger.info("call failed", metadata: [
                "code": "\(status.code)", "message": "\(status.message)", "duration": "\(ContinuousClock.now - start)",
            ])
            throw error
        }
    }
}
