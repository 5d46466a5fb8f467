/// Checks each call's bearer token against the scope its method declared.
///
/// Methods with the `.public` scope pass without a token. A missing or unknown token is
/// UNAUTHENTICATED; a known token without the scope is PERMISSION_DENIED.
public struct AuthorizationInterceptor: ServerInterceptor {
    private let tokens: AccessTokens

    public init(tokens: AccessTokens) {
        self.tokens = tokens
    }

    public func intercept(
        context: ServerCallContext, next: @Sendable (ServerCallContext) async throws -> Void
    ) async throws {
        if let scope = context.scope.name {
            try authorize(scope: scope, header: context.metadata["authorization"], method: context.method)
        }
        try await next(context)
    }

    private func authorize(scope: String, header: String?, method: MethodDescriptor) throws(RPCError) {
        guard let header, header.hasPrefix("Bearer ") else {
            throw RPCError(code: .unauthenticated, message: "\(method) needs a bearer token in the authorization metadata")
        }
        guard let granted = tokens.scopes(for: String(header.dropFirst("Bearer ".count))) else {
            throw RPCError(code: .unauthenticated, message: "unknown token")
        }
        guard granted.contains(scope) || granted.contains("*") else {
            throw RPCError(code: .permissionDenied, message: "\(method) needs scope \(scope)")
        }
    }
}
