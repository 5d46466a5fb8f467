import CLVProto
import CLVStubs
import Ingestion
import RPC

/// Sends batches of orders over several connections, each with several calls in flight, and
/// times the whole load from the first send to the last answer.
///
/// Each sender has its own stream of batches, the orders partitioned by customer: concurrent
/// transactions then never wait on each other's customer rows, as a bulk loader should arrange.
struct IngestBenchmark {
    let address: HostAndPort
    let token: String?
    let connections: Int
    let inFlightPerConnection: Int

    struct Outcome {
        let seconds: Double
        let inserted: Int
        let rejected: Int
        let batchLatencies: [Duration]
    }

    var streams: Int { connections * inFlightPerConnection }

    /// Splits `orders` into one stream of batches per sender, by customer.
    func partition(_ orders: [Order], batchSize: Int) -> [[[Order]]] {
        Self.partition(orders, into: streams).map { stream in
            stride(from: 0, to: stream.count, by: batchSize).map { Array(stream[$0..<min($0 + batchSize, stream.count)]) }
        }
    }

    /// Splits `orders` into `parts` by customer, each customer's orders in one part, in order.
    static func partition(_ orders: [Order], into parts: Int) -> [[Order]] {
        var partOrders = Array(repeating: [Order](), count: parts)
        for order in orders {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: stable across runs, unlike hashValue
            for byte in order.customerID.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            partOrders[Int(hash % UInt64(parts))].append(order)
        }
        return partOrders
    }

    func run(_ streamsOfBatches: [[[Order]]]) async throws -> Outcome {
        var clients: [RPCClient] = []
        for _ in 0..<connections {
            clients.append(try await RPCClient.connect(host: address.host, port: address.port, token: token))
        }
        defer { for client in clients { Task { await client.close() } } }
        let clock = ContinuousClock()
        let start = clock.now
        let results = try await withThrowingTaskGroup(of: (Int, Int, [Duration]).self) { group in
            for (number, batches) in streamsOfBatches.enumerated() {
                let client = clients[number % clients.count]
                group.addTask {
                    let ingestion = IngestionRPC.Client(client: client)
                    var inserted = 0
                    var rejected = 0
                    var latencies: [Duration] = []
                    for batch in batches {
                        let sent = clock.now
                        let response = try await ingestion.ingestOrders(batch)
                        latencies.append(clock.now - sent)
                        inserted += Int(response.inserted)
                        rejected += response.rejections.count
                    }
                    return (inserted, rejected, latencies)
                }
            }
            var total = (0, 0, [Duration]())
            for try await (inserted, rejected, latencies) in group {
                total.0 += inserted
                total.1 += rejected
                total.2 += latencies
            }
            return total
        }
        let elapsed = clock.now - start
        return Outcome(
            seconds: elapsed.inSeconds,
            inserted: results.0, rejected: results.1, batchLatencies: results.2.sorted())
    }
}

