import ArgumentParser
import CLVProto
import Ingestion
import RPC

/// `clv forget CUSTOMER_ID`: erases every row that names a customer.
struct ForgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Erase a customer: every stored row that names them, in every table.",
        discussion: "Prints the rows removed per table. Exits 1 when no row names the customer.")

    @Argument(help: "The shop's customer id.")
    var customerID: String

    @OptionGroup var connection: ConnectionOptions

    /// The JSON form of the answer.
    struct Report: Encodable {
        let customerId: String
        let removed: [String: UInt64]
        let totalRows: UInt64
    }

    func run() async throws {
        let response: ForgetCustomerResponse
        do {
            let client = try await connection.connect()
            defer { Task { await client.close() } }
            response = try await IngestionClient(client: client).forgetCustomer(customerID)
        } catch let error as RPCError where error.code == .notFound {
            Output.fail(ValidationError("no stored row names customer '\(customerID)'"))
        } catch {
            Output.fail(error)
        }
        if connection.json {
            try Output.json(Report(
                customerId: response.customerID,
                removed: Dictionary(response.removed.map { ($0.table, $0.rows) }, uniquingKeysWith: +),
                totalRows: response.totalRows))
        } else {
            Output.table(response.removed.map { ($0.table, String($0.rows)) } + [("total rows", String(response.totalRows))])
        }
    }
}
