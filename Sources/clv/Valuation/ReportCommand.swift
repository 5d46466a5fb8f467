import ArgumentParser

/// `clv report`: reports over the stored scores.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports over the current scores.",
        subcommands: [ValueReportCommand.self])
}
