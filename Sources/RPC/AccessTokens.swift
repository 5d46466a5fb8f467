/// Which bearer tokens grant which scopes.
///
/// The file form has one token a line: the token, then its scopes separated by spaces; `*` grants
/// every scope; blank lines and lines starting with `#` are ignored.
public struct AccessTokens: Sendable {
    private var scopesByToken: [String: Set<String>]

    public init(_ scopesByToken: [String: Set<String>] = [:]) {
        self.scopesByToken = scopesByToken
    }

    /// Parses the file form; throws naming the first malformed line.
    public init(parsing text: String) throws(RPCError) {
        var tokens: [String: Set<String>] = [:]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            guard let token = words.first, !token.hasPrefix("#") else { continue }
            guard words.count > 1 else {
                throw RPCError(code: .invalidArgument, message: "tokens line \(index + 1): a token needs at least one scope")
            }
            tokens[token, default: []].formUnion(words.dropFirst())
        }
        self.init(tokens)
    }

    public var isEmpty: Bool { scopesByToken.isEmpty }

    /// The scopes `token` grants, or nil for an unknown token.
    public func scopes(for token: String) -> Set<String>? {
        scopesByToken[token]
    }
}
