import ArgumentParser
import CLVProto
import CLVStubs
import RPC
import Valuation

/// `clv value CUSTOMER`: one customer's value card.
struct ValueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "value",
        abstract: "Show what one customer is worth: history, model outputs and the classic formulas, as of now.")

    @Argument(help: "The shop's customer id.")
    var customerID: String

    @OptionGroup var value: ValueArguments
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let card: CustomerValue
        do {
            let client = try await connection.connect()
            defer { Task { await client.close() } }
            card = try await ValuationRPC.Client(client: client).getCustomerValue(
                GetCustomerValueRequest(customerID: customerID, runID: value.run ?? 0, terms: value.terms))
        } catch {
            Output.fail(error)
        }
        let report = CustomerValueReport(card)
        if connection.json { try Output.json(report) } else { Output.table(report.rows) }
    }
}
