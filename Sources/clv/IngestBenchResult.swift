/// What `clv bench ingest` measured.
struct IngestBenchResult: Encodable {
    let orders: Int
    let batch_size: Int
    let connections: Int
    let in_flight_per_connection: Int
    let inserted: Int
    let rejected: Int
    let ingest_seconds: Double
    let ingest_orders_per_second: Double
    let batch_p50_ms: Double
    let batch_p99_ms: Double
    let copy_seconds: Double
    let copy_rows_per_second: Double
    /// Ingest rate over COPY rate.
    let ratio: Double
    /// The same rows COPYed over `connections` connections into a table with the orders' keys.
    let keyed_copy_seconds: Double
    let keyed_copy_rows_per_second: Double

    init(orders: Int, batchSize: Int, connections: Int, inFlight: Int, ingest: IngestBenchmark.Outcome, copySeconds: Double, keyedCopySeconds: Double) {
        self.orders = orders
        batch_size = batchSize
        self.connections = connections
        in_flight_per_connection = inFlight
        inserted = ingest.inserted
        rejected = ingest.rejected
        ingest_seconds = ingest.seconds
        ingest_orders_per_second = Double(orders) / ingest.seconds
        batch_p50_ms = Self.milliseconds(ingest.batchLatencies, quantile: 0.5)
        batch_p99_ms = Self.milliseconds(ingest.batchLatencies, quantile: 0.99)
        copy_seconds = copySeconds
        copy_rows_per_second = Double(orders) / copySeconds
        ratio = ingest_orders_per_second / copy_rows_per_second
        keyed_copy_seconds = keyedCopySeconds
        keyed_copy_rows_per_second = Double(orders) / keyedCopySeconds
    }

    var report: String {
        func rate(_ value: Double) -> String { String(Int(value.rounded())) }
        func fixed(_ value: Double, _ digits: Int = 2) -> String {
            let scale = Double([1, 10, 100, 1000][digits])
            return String(Double((value * scale).rounded()) / scale)
        }
        return """
            orders                 \(orders) (batches of \(batch_size), \(connections) connection(s) × \(in_flight_per_connection) in flight)
            inserted / rejected    \(inserted) / \(rejected)
            ingest over RPC        \(fixed(ingest_seconds)) s  \(rate(ingest_orders_per_second)) orders/s  batch p50 \(fixed(batch_p50_ms, 1)) ms  p99 \(fixed(batch_p99_ms, 1)) ms
            raw COPY, bare table   \(fixed(copy_seconds)) s  \(rate(copy_rows_per_second)) rows/s
            ingest / COPY          \(fixed(ratio, 3))
            COPY, orders' keys     \(fixed(keyed_copy_seconds)) s  \(rate(keyed_copy_rows_per_second)) rows/s  (\(connections) connection(s); keys and indexes of orders, nothing else)
            """
    }

    private static func milliseconds(_ sorted: [Duration], quantile: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let value = sorted[min(sorted.count - 1, Int(Double(sorted.count) * quantile))]
        return Double(value.components.seconds) * 1000 + Double(value.components.attoseconds) / 1e15
    }
}
