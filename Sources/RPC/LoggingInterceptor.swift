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
            context.serverLogger.debug("call ok", metadata: context.logMetadata.merging(["duration": "\(ContinuousClock.now - start)"]) { $1 })
        } catch {
            let status = RPCError(from: error)
            context.serverLogger.info("call failed", metadata: context.logMetadata.merging([
                "code": "\(status.code)", "message": "\(status.message)", "duration": "\(ContinuousClock.now - start)",
            ]) { $1 })
            throw error
        }
    }
}
