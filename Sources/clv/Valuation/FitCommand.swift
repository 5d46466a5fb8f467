import ArgumentParser
import CLVProto
import CLVStubs
import Valuation

/// `clv fit`: fits the models and stores the run.
struct FitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit BG/NBD or Pareto/NBD (and Gamma-Gamma) on the stored orders and keep the run.")

    @Option(help: "Purchase model.")
    var model: PurchaseModelName = .bgnbd

    @Option(help: "Spend model; none values each purchase at the customer's own average.")
    var spend: SpendModelName = .gammaGamma

    @Option(help: "Last day of the calibration period, YYYY-MM-DD (default: today).")
    var calibrationEnd: String?

    @Option(help: "Time unit of the model.")
    var timeUnit: TimeUnitName = .week

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let run: ModelRun
        do {
            let client = try await connection.connect()
            defer { Task { await client.close() } }
            run = try await ValuationRPC.Client(client: client).fitModel(
                FitModelRequest(purchaseModel: model.proto, spendModel: spend.proto, calibrationEnd: calibrationEnd ?? "", timeUnit: timeUnit.proto))
        } catch {
            Output.fail(error)
        }
        let report = ModelRunReport(run)
        if connection.json { try Output.json(report) } else { Output.table(report.rows) }
    }
}
