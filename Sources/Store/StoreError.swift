/// An error from the store layer.
///
/// `description` carries the kind, the SQLSTATE and the server's primary message only: it never
/// prints query parameters or row data, so it is safe to log and to return to RPC callers.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, coarse enough to decide on a reaction (retry, report, give up).
    public enum Kind: Sendable, Hashable {
        /// The database cannot be reached, or the connection was lost.
        case unavailable
        /// The caller's task was cancelled; a running query was cancelled on the server.
        case cancelled
        /// The server rejected the statement; `sqlState` says why.
        case query
        /// A unique or primary-key constraint was violated (SQLSTATE 23505).
        case uniqueViolation
        /// A foreign-key constraint was violated (SQLSTATE 23503).
        case foreignKeyViolation
        /// A serializable transaction or deadlock must be retried (SQLSTATE 40001, 40P01).
        case serializationFailure
        /// A result value could not be read as the requested type.
        case decoding
        /// The configuration (URL, migrations, cluster layout) is invalid.
        case configuration
        /// The pool was closed.
        case closed
        /// A statement or lock timeout fired on the server (SQLSTATE 57014 without our cancel).
        case timeout
    }

    /// What went wrong.
    public var kind: Kind
    /// The five-character SQLSTATE when the server reported one.
    public var sqlState: String?
    /// The server's primary message, or our own; never contains parameter values or row data.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, sqlState: String? = nil, message: String) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
    }

    public var description: String {
        if let sqlState {
            return "StoreError.\(kind) [\(sqlState)]: \(message)"
        }
        return "StoreError.\(kind): \(message)"
    }
}

extension StoreError {
    /// The kind that a server SQLSTATE maps to.
    static func kind(forSQLState sqlState: String?) -> Kind {
        switch sqlState {
        case "23505": return .uniqueViolation
        case "23503": return .foreignKeyViolation
        case "40001", "40P01": return .serializationFailure
        case "57014": return .timeout  // statement_timeout; a cancel we sent is mapped to .cancelled by the caller
        case "57P01", "57P02", "57P03": return .unavailable  // admin shutdown, crash shutdown, cannot connect now
        case let state? where state.hasPrefix("08"): return .unavailable  // connection exception class
        default: return .query
        }
    }

    /// The server's primary message made safe to print: data exceptions (class 22) quote the
    /// offending input value, so quoted parts of those messages are hidden.
    static func redactedServerMessage(_ message: String, sqlState: String?) -> String {
        guard let sqlState, sqlState.hasPrefix("22") else { return message }
        var result = ""
        var inQuote = false
        for character in message {
            if character == "\"" {
                if !inQuote { result += "(value hidden)" }
                inQuote.toggle()
            } else if !inQuote {
                result.append(character)
            }
        }
        return result
    }
}
