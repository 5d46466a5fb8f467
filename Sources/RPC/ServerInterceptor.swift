/// Runs around every call on the server: token checking, logging, metrics.
///
/// Call `next` to continue the chain; throw an `RPCError` to end the call with that status.
public protocol ServerInterceptor: Sendable {
    func intercept(
        context: ServerCallContext,
        next: @Sendable (ServerCallContext) async throws -> Void
    ) async throws
}
