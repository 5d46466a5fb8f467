import ArgumentParser
import NIOCore
import NIOPosix

/// The process entry point.
@main
enum CLVMain {
    static func main() async {
        // Run Swift Concurrency on NIO's event loops: no thread hop between a call's I/O and its code.
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        let arguments = CommandLineArguments.hoistingGlobalOptions(Array(CommandLine.arguments.dropFirst()))
        if let message = CommandLineArguments.unknownCommand(in: arguments, root: CommandLineArguments.CommandTree(CLVCommand.self)) {
            Output.fail(ErrorReport(code: "USAGE", message: message), status: ExitCode.validationFailure.rawValue)
        }
        do {
            let command = try CLVCommand.parseAsRoot(arguments)
            if let command = command as? any AsyncParsableCommand {
                try await run(command)
            } else {
                var command = command
                try command.run()
            }
        } catch {
            fail(error)
        }
    }

    /// Runs a parsed command; generic so that the existential is opened here, not in `main`.
    private static func run<Command: AsyncParsableCommand>(_ command: Command) async throws {
        var command = command
        try await command.run()
    }

    /// Ends the process for an error that reached the top: ArgumentParser's own handling (help,
    /// usage, exit codes) for people; under `--json`, usage errors become an error object too.
    private static func fail(_ error: any Error) -> Never {
        let status = CLVCommand.exitCode(for: error)
        guard Output.jsonRequested, status != .success, !(error is ExitCode) else {
            CLVCommand.exit(withError: error)
        }
        let report = status == .validationFailure
            ? ErrorReport(code: "USAGE", message: CLVCommand.message(for: error)) : ErrorReport(error)
        Output.fail(report, status: status.rawValue)
    }
}
