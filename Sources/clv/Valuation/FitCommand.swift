import ArgumentParser
import CLVProto
import Valuation

/// `clv fit`: fits the models and stores the run.
struct FitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit BG/NBD or Pareto/NBD (and Gamma-Gamma) on the stored orders and keep the run.")

    @Option(help: "Purchase model: bgnbd or pareto-nbd.")
    var model: PurchaseModel = .bgNBD

    @Option(help: "Spend model: gamma-gamma or none.")
    var spend: SpendModel = .gammaGamma

    @Option(help: "Last day of the calibration period, YYYY-MM-DD (default: today).")
    var calibrationEnd: String = ""

    @Option(help: "Time unit: day, week or month.")
    var timeUnit: ProtoTimeUnit = .week

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let run: ModelRun
        do {
            let client = try await connection.connect()
            defer { Task { await client.close() } }
            run = try await ValuationClient(client: client).fitModel(
                FitModelRequest(purchaseModel: model, spendModel: spend, calibrationEnd: calibrationEnd, timeUnit: timeUnit))
        } catch {
            Output.fail(error)
        }
        let report = ModelRunReport(run)
        if connection.json { try Output.json(report) } else { Output.table(report.rows) }
    }
}
