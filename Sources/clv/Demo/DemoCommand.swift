import ArgumentParser
import CLVProto
import DemoShop
import Foundation
import Ingestion
import Valuation

/// `clv demo`: a realistic cross-border shop, loaded and valued end to end.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Simulate a cross-border shop, ingest it, evaluate and fit the models, score every customer, and show the value.",
        discussion: """
            Six markets in four currencies with daily exchange rates, five acquisition channels with their costs, \
            seasonal purchases that follow BG/NBD and Gamma-Gamma with each market's parameters, refunds, \
            cancellations and behaviour events. Ids start with demo<seed>-, so a demo can run beside real data.
            """)

    @Option(help: "Customers to simulate.")
    var customers: Int = 20_000

    @Option(help: "Seed: the same seed gives the same shop.")
    var seed: UInt64 = 1

    @Option(help: "Most valuable customers to list.")
    var top: UInt32 = 10

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard customers > 0, customers <= 2_000_000 else { throw ValidationError("--customers must be between 1 and 2,000,000") }
    }

    func run() async throws {
        let outcome: DemoOutcome
        do {
            let client = try await connection.connect()
            defer { Task { await client.close() } }
            let generator = DemoShopGenerator(
                customers: customers, seed: seed, lastDay: CalendarDay(daysSinceEpoch: CalendarDay.today.daysSinceEpoch - 1))
            let runner = DemoRunner(
                ingestion: IngestionClient(client: client), valuation: ValuationClient(client: client),
                progress: { line in print("… \(line)") })
            outcome = try await runner.run(generator, top: top)
        } catch {
            Output.fail(error)
        }
        print(DemoSummary(outcome).text)
    }
}
