import ArgumentParser
import CLVProto
import CLVStubs

/// `clv churn train`: trains, validates and stores a churn model, and scores every customer.
struct ChurnTrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a churn-risk model, validate it on a later cut-off, store it and score every customer with it.",
        discussion: """
            A customer churned when they made no purchase in the --window-days (default 180) after \
            a cut-off. The model is trained on labels after --train-cutoff (default: the \
            validation cut-off less the window) and validated on labels after --validate-cutoff \
            (default: the last purchase day less the window); dates are YYYY-MM-DD (UTC). --l2 \
            penalises the scorecard's weights, one per bin or crossed cell (default 1, above 0); --threshold is the risk from which a \
            customer counts as predicted to churn (default: the training churn rate). Prints the \
            model report, as clv churn report does.
            """)

    @Option(help: ArgumentHelp("Days without a purchase after a cut-off that make a churner (default: 180).", valueName: "days"))
    var windowDays: UInt32?

    @Option(help: ArgumentHelp("Training cut-off, YYYY-MM-DD.", valueName: "date"))
    var trainCutoff: String?

    @Option(help: ArgumentHelp("Validation cut-off, YYYY-MM-DD.", valueName: "date"))
    var validateCutoff: String?

    @Option(help: ArgumentHelp("L2 penalty on the scorecard's weights, above 0 (default: 1).", valueName: "x"))
    var l2: Double?

    @Option(help: ArgumentHelp("Churn risk from which a customer is predicted to churn, 0 to 1.", valueName: "risk"))
    var threshold: Double?

    @OptionGroup var connection: ConnectionOptions

    var request: TrainChurnModelRequest {
        TrainChurnModelRequest(
            windowDays: windowDays ?? 0, trainCutoff: trainCutoff ?? "", validateCutoff: validateCutoff ?? "", l2: l2 ?? 0,
            hasL2: l2 != nil, threshold: threshold ?? 0, hasThreshold: threshold != nil)
    }

    func run() async throws {
        let model: ChurnModel
        do {
            let client = try await connection.connect()
            defer { Task { await client.close() } }
            model = try await SegmentationRPC.Client(client: client).trainChurnModel(request)
        } catch {
            Output.fail(error)
        }
        let report = ChurnModelReport(model)
        if connection.json { try Output.json(report) } else { print(report.text) }
    }
}
