/// What a checkout's thread-pool job hands back: the body's result and the connection to return
/// to the pool (nil when it was discarded or never opened).
struct CheckoutOutcome<T: Sendable>: Sendable {
    let box: ConnectionBox?
    let result: Result<T, any Error>
}
