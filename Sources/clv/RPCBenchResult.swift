import Foundation
import RPC

/// One scenario's figures.
struct RPCBenchResult: Encodable {
    let connections: Int
    let inFlightPerConnection: Int
    let calls: Int
    let seconds: Double
    let callsPerSecond: Double
    let p50Microseconds: Double
    let p99Microseconds: Double
    let maxMicroseconds: Double

    init(connections: Int, inFlightPerConnection: Int, elapsed: Duration, latenciesNanoseconds: [Int64]) {
        let sorted = latenciesNanoseconds.sorted()
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let index = min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)
            return Double(sorted[max(0, index)]) / 1000
        }
        self.connections = connections
        self.inFlightPerConnection = inFlightPerConnection
        self.calls = sorted.count
        self.seconds = elapsed.inSeconds
        self.callsPerSecond = Double(sorted.count) / seconds
        self.p50Microseconds = percentile(0.50)
        self.p99Microseconds = percentile(0.99)
        self.maxMicroseconds = Double(sorted.last ?? 0) / 1000
    }

    var line: String {
        String(
            format: "connections %d  in-flight/conn %3d  %9.0f calls/s  p50 %7.1f µs  p99 %7.1f µs  max %8.1f µs  (%d calls)",
            connections, inFlightPerConnection, callsPerSecond, p50Microseconds, p99Microseconds, maxMicroseconds, calls)
    }
}
