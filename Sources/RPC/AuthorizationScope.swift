/// The permission a method needs, such as `ingest:write` or `value:read`.
public struct AuthorizationScope: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The scope's name; nil for a method that needs no token.
    public let name: String?

    public init(_ name: String) {
        self.name = name
    }

    public init(stringLiteral value: String) {
        self.name = value
    }

    private init(none: Void) {
        self.name = nil
    }

    /// Callable without a token (the health service).
    public static let `public` = AuthorizationScope(none: ())

    public var description: String { name ?? "public" }
}
