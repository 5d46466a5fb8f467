import ArgumentParser

/// `clv bench`: benchmarks against a running server.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure a running server.",
        subcommands: [RPCBenchCommand.self, IngestBenchCommand.self, ValuationBenchCommand.self, SegmentationBenchCommand.self])
}
