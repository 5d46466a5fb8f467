import ArgumentParser
import CLVProto
import CLVService
import DemoShop
import Foundation
import Ingestion
import Logging
import Store

/// `clv demo`: a realistic cross-border shop, loaded and valued end to end in a database of its own.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Simulate a cross-border shop, ingest it, value every customer, segment them, train the churn model, and show it all.",
        discussion: """
            Six markets in four currencies with daily exchange rates, five acquisition channels with their costs, \
            seasonal purchases that follow BG/NBD and Gamma-Gamma with each market's parameters, refunds, \
            cancellations and behaviour events, up to yesterday.

            The demo works in a database of its own, \(DemoHost.databaseName), replaced at each run, in the cluster \
            that holds your data: CLV_DATABASE_URL's server, else the embedded cluster of --data-dir (shared with \
            the clv-server running on it, else started for the demo and stopped after). It hosts the ingestion, \
            valuation and segmentation services itself and calls them over a loopback socket: no server is needed, and your \
            customers, model runs and scorings are never touched.
            """)

    @Option(help: "Customers to simulate.")
    var customers: Int = 20_000

    @Option(help: "Seed: the same seed gives the same shop.")
    var seed: UInt64 = 1

    @Option(help: "Most valuable customers to list.")
    var top: UInt32 = 10

    @Option(help: "Directory of the embedded PostgreSQL cluster, as clv-server's --data-dir (used when CLV_DATABASE_URL is unset).")
    var dataDir: String = ".clv/db"

    func validate() throws {
        guard customers > 0, customers <= 2_000_000 else { throw ValidationError("--customers must be between 1 and 2,000,000") }
    }

    func run() async throws {
        var logger = Logger(label: "clv-demo")
        logger.logLevel = .warning  // progress lines below say what happens
        let outcome: DemoOutcome
        do {
            let database = try await DatabaseSetup.open(dataDirectory: dataDir, whenInUse: .share, logger: logger)
            do {
                outcome = try await runDemo(on: database, logger: logger)
            } catch {
                try? await database.close()
                throw error
            }
            try await database.close()
        } catch {
            Output.fail(error)
        }
        print(DemoSummary(outcome).text)
    }

    private func runDemo(on database: DatabaseSetup, logger: Logger) async throws -> DemoOutcome {
        let configuration = database.configuration.withDatabase(DemoHost.databaseName)
        let lifetime = database.embedded.map { $0.ownsCluster ? " (started for the demo, stopped after)" : " (shared with its owner)" } ?? ""
        print("… database \(DemoHost.databaseName) in \(database.location)\(lifetime), replaced at each run; your data is untouched")
        try await DatabaseCreation.recreate(configuration)
        let host = try await DemoHost.start(database: configuration, logger: logger)
        let outcome: DemoOutcome
        do {
            let generator = DemoShopGenerator(
                customers: customers, seed: seed, lastDay: CalendarDay(daysSinceEpoch: CalendarDay.today.daysSinceEpoch - 1))
            let runner = DemoRunner(
                ingestion: host.ingestion, valuation: host.valuation, segmentation: host.segmentation, progress: { line in print("… \(line)") })
            outcome = try await runner.run(generator, top: top)
        } catch {
            try? await host.stop()
            throw error
        }
        try await host.stop()
        return outcome
    }
}
