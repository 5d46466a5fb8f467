import NIOPosix

extension PGPool {
    /// Probes the database with `SELECT 1`: true when it answered within `timeout`.
    ///
    /// Never throws: any failure (server down, pool closed, timeout, cancellation) is `false`.
    /// The probe has a connection of its own, outside `maximumConnections`, so a pool whose
    /// connections are all busy still reports a reachable database (give the thread pool one
    /// thread more than `maximumConnections` so the probe need not wait for a thread either).
    /// The answer comes at the deadline even when connecting hangs; the abandoned probe is
    /// cancelled and finishes in the background.
    public func ping(timeout: Duration = .seconds(1)) async -> Bool {
        let race = PingRace()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                race.install(continuation)
                let probe = Task { race.finish(await self.probeOnce()) }
                let timer = Task {
                    try? await Task.sleep(for: timeout)
                    race.finish(false)
                }
                race.track([probe, timer])
            }
        } onCancel: {
            race.finish(false)
        }
    }

    /// One `SELECT 1` on the probe connection (reconnecting it if needed), on the thread pool.
    private func probeOnce() async -> Bool {
        guard !isClosed else { return false }
        let gate = QueryGate()
        do {
            return try await withTaskCancellationHandler {
                try await threadPool.runIfActive { [self] in
                    let box: ConnectionBox
                    if let idle = takeProbeConnection(), idle.connection.isUsable() {
                        box = idle
                    } else {
                        box = ConnectionBox(try PGConnection(configuration: configuration))
                    }
                    let connection = box.connection
                    gate.attach(connection.cancelToken)
                    connection.gate = gate
                    let answered = (try? connection.query("SELECT 1 AS ok"))?.first?["ok"] == "1"
                    gate.finish()
                    connection.gate = nil
                    if answered, connection.prepareForReuse(logger: logger) {
                        keepProbeConnection(box)
                    }
                    return answered
                }
            } onCancel: {
                gate.cancel()
            }
        } catch {
            return false
        }
    }
}
