import ArgumentParser
import CLVProto
import CLVStubs

/// `clv churn report [--model ID]`: a stored churn model with its validation metrics.
struct ChurnReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Show a stored churn-risk model: its splits, validation metrics against the baselines, lift by decile and coefficients.",
        discussion: """
            Scorers: churn_model, one_minus_p_alive (only with a valuation run) and recency (days \
            since the last purchase). Rates and precision/recall are percentages of the validation \
            customers; AUC and PR-AUC are 0 to 1. Coefficients are log-odds per standard \
            deviation and per unit of the feature, whose unit the description names.
            """)

    @Option(help: "The model (default: the latest).")
    var model: UInt64?

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let churnModel: ChurnModel
        do {
            let client = try await connection.connect()
            defer { Task { await client.close() } }
            churnModel = try await SegmentationRPC.Client(client: client).churnModelReport(ChurnModelReportRequest(modelID: model ?? 0))
        } catch {
            Output.fail(error)
        }
        let report = ChurnModelReport(churnModel)
        if connection.json { try Output.json(report) } else { print(report.text) }
    }
}
