import ArgumentParser

/// `clv churn`: the churn-risk model.
struct ChurnCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "churn",
        abstract: "Train and report the churn-risk model (a logistic regression validated on a later time split).",
        subcommands: [ChurnTrainCommand.self, ChurnReportCommand.self])
}
