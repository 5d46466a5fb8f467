import Foundation
import ArgumentParser
import RPC

/// `clv bench rpc`: unary Health/Check throughput and latency at several concurrencies.
struct RPCBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rpc",
        abstract: "Unary Health/Check throughput and p50/p99 latency over loopback.",
        discussion: """
            Runs one scenario per (connections, calls in flight per connection) pair: each of the \
            connections keeps that many calls in flight for --seconds, after a warm-up.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Comma-separated connection counts.")
    var connections: String = "1,8"

    @Option(help: "Comma-separated calls in flight per connection.")
    var inFlight: String = "1,16,64"

    @Option(help: "Seconds measured per scenario.")
    var seconds: Double = 5

    @Option(help: "Seconds of warm-up per scenario, not measured.")
    var warmup: Double = 1

    func validate() throws {
        guard parse(connections) != nil, parse(inFlight) != nil else {
            throw ValidationError("--connections and --in-flight take comma-separated positive integers")
        }
        guard seconds > 0, warmup >= 0 else { throw ValidationError("--seconds must be > 0 and --warmup >= 0") }
    }

    func run() async throws {
        var results: [RPCBenchResult] = []
        for connectionCount in parse(connections)! {
            for depth in parse(inFlight)! {
                let benchmark = RPCBenchmark(
                    address: connection.address, token: connection.token,
                    connections: connectionCount, inFlightPerConnection: depth)
                do {
                    _ = try await benchmark.run(for: .milliseconds(Int(warmup * 1000)))
                    let result = try await benchmark.run(for: .milliseconds(Int(seconds * 1000)))
                    results.append(result)
                    if !connection.json { print(result.line) }
                } catch {
                    Output.fail(error)
                }
            }
        }
        if connection.json { try Output.json(results) }
    }

    private func parse(_ list: String) -> [Int]? {
        let values = list.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) > 0 }) else { return nil }
        return values.map { $0! }
    }
}
