import CLVProto
import CLVService
import CLVStubs
import RPC

/// Keeps `inFlightPerConnection` Health/Check calls in flight on each of `connections` connections.
struct RPCBenchmark {
    let address: HostAndPort
    let token: String?
    let connections: Int
    let inFlightPerConnection: Int

    func run(for duration: Duration) async throws -> RPCBenchResult {
        var clients: [RPCClient] = []
        for _ in 0..<connections {
            clients.append(try await RPCClient.connect(host: address.host, port: address.port, token: token))
        }
        defer { for client in clients { Task { await client.close() } } }

        let start = ContinuousClock.now
        let end = start + duration
        let latencies = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for client in clients {
                let health = HealthRPC.Client(client: client)
                for _ in 0..<inFlightPerConnection {
                    group.addTask(executorPreference: client.taskExecutor) {
                        var samples: [Int64] = []
                        samples.reserveCapacity(1 << 16)
                        while ContinuousClock.now < end {
                            let sent = ContinuousClock.now
                            _ = try await health.check()
                            let elapsed = ContinuousClock.now - sent
                            samples.append(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
                        }
                        return samples
                    }
                }
            }
            var all: [Int64] = []
            for try await samples in group { all += samples }
            return all
        }
        let elapsed = ContinuousClock.now - start
        return RPCBenchResult(
            connections: connections, inFlightPerConnection: inFlightPerConnection,
            elapsed: elapsed, latenciesNanoseconds: latencies)
    }
}
