import ArgumentParser
import CLVProto
import CLVStubs
import Foundation
import Ingestion
import RPC
import Store

/// `clv bench ingest`: synthetic orders over RPC into the store, next to a plain COPY of the same
/// rows into a bare table of the same database, and a COPY into a table with the orders' keys, in
/// one run.
struct IngestBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Orders/s through IngestOrders end to end, against a raw COPY of the same rows.",
        discussion: """
            Needs the server's database for the COPY baseline: --database-url (or CLV_DATABASE_URL), \
            or --data-dir of the server's embedded cluster. Sets the base currency to EUR if unset and \
            stores the USD rates the orders need before the clock starts.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Orders to ingest.")
    var orders: Int = 1_000_000

    @Option(help: "Orders per IngestOrders call.")
    var batchSize: Int = 5_000

    @Option(help: "Connections to the server.")
    var connections: Int = 2

    @Option(help: "Calls in flight per connection.")
    var inFlight: Int = 2

    @Option(help: "PostgreSQL URL of the server's database (also CLV_DATABASE_URL).")
    var databaseURL: String?

    @Option(help: "Data directory of the server's embedded cluster, instead of --database-url.")
    var dataDir: String?

    func validate() throws {
        guard orders > 0, batchSize > 0, connections > 0, inFlight > 0 else {
            throw ValidationError("--orders, --batch-size, --connections and --in-flight must be positive")
        }
    }

    func run() async throws {
        do {
            let result = try await measure()
            if connection.json { try Output.json(result) } else { print(result.report) }
        } catch {
            Output.fail(error)
        }
    }

    private func measure() async throws -> IngestBenchResult {
        let database = try await BenchDatabase.open(url: databaseURL, dataDirectory: dataDir, connections: connections)
        defer { Task { await database.close() } }
        let client = try await connection.connect()
        defer { Task { await client.close() } }
        let ingestion = IngestionRPC.Client(client: client)
        var base = try await ingestion.getStats().baseCurrency
        if base.isEmpty { base = try await ingestion.setBaseCurrency("EUR").currency }

        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let synthetic = SyntheticOrders(
            runID: String(UInt64.random(in: 0...UInt64.max), radix: 36), count: orders, baseCurrency: base, nowMilliseconds: now)
        if base != SyntheticOrders.foreignCurrency {
            let rates = synthetic.rateDays.map { day in
                ExchangeRate(
                    currency: SyntheticOrders.foreignCurrency, date: CalendarDay(unixMilliseconds: day).text,
                    rate: "0.9\(100 + (day / 86_400_000) % 800)")
            }
            let stored = try await ingestion.upsertExchangeRates(rates)
            guard stored.rejections.isEmpty else {
                throw ValidationError("the server refused the benchmark's rates: \(stored.rejections[0].reason)")
            }
        }
        let all = synthetic.makeOrders()
        let benchmark = IngestBenchmark(
            address: connection.address, token: connection.token,
            connections: connections, inFlightPerConnection: inFlight)
        let ingest = try await benchmark.run(benchmark.partition(all, batchSize: batchSize))
        let copySeconds = try await CopyBaseline.bare(all, pool: database.pool)
        let keyedSeconds = try await CopyBaseline.keyed(IngestBenchmark.partition(all, into: connections), pool: database.pool)
        return IngestBenchResult(
            orders: orders, batchSize: batchSize, connections: connections, inFlight: inFlight,
            ingest: ingest, copySeconds: copySeconds, keyedCopySeconds: keyedSeconds)
    }
}
