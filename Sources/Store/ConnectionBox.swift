/// Carries a non-`Sendable` `PGConnection` between the pool's state and the thread-pool thread
/// that uses it.
///
/// `@unchecked Sendable` is safe because access is exclusive by construction: a box is reachable
/// either from the pool's idle list (inside its `Mutex`) or from exactly one checkout, which
/// uses the connection only inside one thread-pool job at a time and gives the box back to the
/// pool when that job has returned. The `Mutex` hand-over orders every use before the next one.
final class ConnectionBox: @unchecked Sendable {
    let connection: PGConnection

    init(_ connection: PGConnection) {
        self.connection = connection
    }
}
