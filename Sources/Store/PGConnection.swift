import CLibPQ

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One libpq connection.
///
/// Not `Sendable`: a connection is used by one thread at a time. `PGPool` is the `Sendable` front
/// object that hands connections out; every call here blocks, so run it on a thread-pool thread.
/// The `PGconn` has exactly one owner, this object, which closes it in `deinit`.
public final class PGConnection {
    /// The `PGconn*`; never leaves this module.
    let handle: OpaquePointer
    /// Cancels this connection's running statement from another thread.
    let cancelToken: PGCancelToken?
    /// Set by the pool for one checkout: stops statements after the task was cancelled.
    var gate: QueryGate?
    /// Open savepoints of nested `withTransaction` calls.
    var savepointDepth = 0

    /// Connects, blocking for up to `connectTimeoutSeconds`.
    /// - Throws: `StoreError` of kind `.unavailable` when the server cannot be reached or refuses the login.
    init(configuration: DatabaseConfiguration) throws(StoreError) {
        let parameters = configuration.connectionParameters
        let keywords = parameters.map { strdup($0.0) }
        let values = parameters.map { strdup($0.1) }
        defer {
            keywords.forEach { free($0) }
            values.forEach { free($0) }
        }
        let connection: OpaquePointer? = withNullTerminated(keywords) { keywordArray in
            withNullTerminated(values) { valueArray in
                PQconnectdbParams(keywordArray, valueArray, 0)
            }
        }
        guard let connection else {
            throw StoreError(.unavailable, message: "libpq could not allocate a connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Self.errorMessage(of: connection)
            PQfinish(connection)
            throw StoreError(.unavailable, message: message)
        }
        // libpq prints notices (e.g. "relation already exists, skipping") to stderr by default.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        self.handle = connection
        self.cancelToken = PQgetCancel(connection).map(PGCancelToken.init)
    }

    deinit {
        PQfinish(handle)
    }

    /// Whether the connection is inside a transaction block (open or aborted).
    public var isInTransaction: Bool {
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }

    /// Whether libpq still considers the connection good.
    var isConnected: Bool { PQstatus(handle) == CONNECTION_OK }

    /// Detects, without a round trip, a connection the server has closed while it sat idle:
    /// reads whatever is pending on the socket (a FATAL message, end of file) and rechecks the status.
    func isUsable() -> Bool {
        guard isConnected, PQtransactionStatus(handle) == PQTRANS_IDLE else { return false }
        for _ in 0..<8 {
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            guard descriptor.fd >= 0 else { return false }
            let ready = poll(&descriptor, 1, 0)
            if ready == 0 { break }
            if ready < 0 { return errno == EINTR ? isConnected : false }
            if PQconsumeInput(handle) == 0 { return false }
            if !isConnected { return false }
        }
        return isConnected
    }

    /// libpq's last error for this connection, first line only (the rest is hints).
    var lastErrorMessage: String { Self.errorMessage(of: handle) }

    static func errorMessage(of connection: OpaquePointer) -> String {
        guard let raw = PQerrorMessage(connection) else { return "unknown libpq error" }
        let text = String(cString: raw).trimmed()
        let firstLine = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        return firstLine.isEmpty ? "connection failed" : firstLine
    }
}

/// A connection is confined to one thread at a time; share a `PGPool` instead.
@available(*, unavailable)
extension PGConnection: Sendable {}

/// Calls `body` with a NULL-terminated array of the given C strings.
private func withNullTerminated<R>(
    _ strings: [UnsafeMutablePointer<CChar>?],
    _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R
) -> R {
    let pointers: [UnsafePointer<CChar>?] = strings.map { $0.map { UnsafePointer($0) } } + [nil]
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
