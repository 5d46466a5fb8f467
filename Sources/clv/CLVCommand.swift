import ArgumentParser

/// `clv`: the command line of the clv services.
struct CLVCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clv",
        abstract: "Talk to a clv server.",
        subcommands: [
            DemoCommand.self, HealthCommand.self, ImportCommand.self, ForgetCommand.self, StatsCommand.self,
            BaseCurrencyCommand.self, FitCommand.self, ScoreCommand.self, ValueCommand.self, ReportCommand.self,
            EvaluateCommand.self, BenchCommand.self,
        ])
}
