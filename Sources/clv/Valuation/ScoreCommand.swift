import ArgumentParser
import CLVProto
import CLVStubs
import Valuation

/// `clv score`: applies a run to every customer and stores the scores.
struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score every customer with a model run; the new scores replace the previous ones at once.")

    @OptionGroup var value: ValueArguments
    @OptionGroup var connection: ConnectionOptions

    struct Report: Encodable {
        let scoringId: Int64
        let runId: Int64
        let customers: UInt64
        let seconds: Double
        let terms: TermsReport
    }

    func run() async throws {
        var last: ScoreProgress?
        do {
            let client = try await connection.connect()
            defer { Task { await client.close() } }
            let call = ValuationRPC.Client(client: client).scoreCustomers(
                ScoreCustomersRequest(runID: value.run ?? 0, terms: value.terms))
            for try await progress in call {
                if !connection.json, !progress.done {
                    print("\(progress.phase) … \(progress.total > 0 ? "\(progress.scored)/\(progress.total) customers, " : "")\(Format.number(progress.seconds, significant: 3)) s")
                }
                last = progress
            }
        } catch {
            Output.fail(error)
        }
        guard let last, last.done else { Output.fail(ValidationError("the server ended the scoring without finishing it")) }
        let report = Report(
            scoringId: last.scoringID, runId: last.runID, customers: last.scored, seconds: last.seconds, terms: TermsReport(last.terms))
        if connection.json {
            try Output.json(report)
        } else {
            Output.table([
                ("scoring", String(report.scoringId)), ("run", String(report.runId)), ("customers", String(report.customers)),
                ("values", report.terms.text),
                ("time", Format.number(report.seconds, significant: 3) + " s"),
            ])
        }
    }
}
