import ArgumentParser
import CLVService

/// `clv`: the command line of the clv services.
struct CLVCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clv",
        abstract: "Talk to a clv server.",
        discussion: """
            --server, --token and --json may stand before or after the subcommand; CLV_SERVER and \
            CLV_TOKEN supply them when absent.
            """,
        version: "clv \(HealthService.version)",
        subcommands: [
            DemoCommand.self, HealthCommand.self, ImportCommand.self, ForgetCommand.self, StatsCommand.self,
            BaseCurrencyCommand.self, FitCommand.self, ScoreCommand.self, ValueCommand.self, ReportCommand.self,
            EvaluateCommand.self, SegmentsCommand.self, CustomerCommand.self, ChurnCommand.self, BenchCommand.self,
        ])
}
