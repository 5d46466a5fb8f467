import ArgumentParser
import CLVProto
import CLVStubs
import Ingestion

/// `clv base-currency CODE`: sets the shop's base currency, once.
struct BaseCurrencyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "base-currency",
        abstract: "Set the shop's base currency (ISO 4217, e.g. EUR); it can be set once.",
        discussion: "Setting the same currency again is a no-op; another one fails with FAILED_PRECONDITION.")

    @Argument(help: "ISO 4217 code, upper case.")
    var currency: String

    @OptionGroup var connection: ConnectionOptions

    /// The JSON form of the answer.
    struct Report: Encodable {
        let baseCurrency: String
        let changed: Bool
    }

    func run() async throws {
        let response: SetBaseCurrencyResponse
        do {
            let client = try await connection.connect()
            defer { Task { await client.close() } }
            response = try await IngestionRPC.Client(client: client).setBaseCurrency(currency)
        } catch {
            Output.fail(error)
        }
        if connection.json {
            try Output.json(Report(baseCurrency: response.currency, changed: response.changed))
        } else {
            Output.table([("base currency", response.currency + (response.changed ? " (set now)" : " (already set)"))])
        }
    }
}
