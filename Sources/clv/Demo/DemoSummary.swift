import CLVProto
import DemoShop

/// The demo's results, for people.
struct DemoSummary {
    let outcome: DemoOutcome

    init(_ outcome: DemoOutcome) {
        self.outcome = outcome
    }

    var text: String {
        var sections = [loaded]
        if let evaluation = outcome.evaluation {
            sections.append("== Holdout evaluation\n" + EvaluateCommand.text(EvaluateCommand.Report(evaluation)))
        }
        if let run = outcome.run {
            sections.append("== Model run\n" + ModelRunReport(run).rows.map { "\($0.0.padding(toLength: 18, withPad: " ", startingAt: 0)) \($0.1)" }.joined(separator: "\n"))
        }
        if let report = outcome.byMarket {
            sections.append("== Value by market\n" + ValueReportCommand.table(ValueReportCommand.Report(report)))
        }
        if let report = outcome.byChannel {
            sections.append("== Value by acquisition channel\n" + ValueReportCommand.table(ValueReportCommand.Report(report)))
        }
        sections += DemoSegmentsSummary(outcome: outcome).sections
        return "\n" + sections.joined(separator: "\n\n")
    }

    private var loaded: String {
        var line = "== Loaded over RPC in \(Format.number(outcome.ingestSeconds, significant: 3)) s: \(outcome.customers) customers, "
            + "\(outcome.orders) orders, \(outcome.events) events, \(outcome.rates) exchange rates (base \(outcome.baseCurrency))"
        if outcome.rejected > 0 {
            line += "; \(outcome.rejected) rejected" + (outcome.firstRejection.map { " (first, \($0))" } ?? "")
        }
        if let scoring = outcome.scoring {
            line += "\n   scored \(scoring.scored) customers in \(Format.number(scoring.seconds, significant: 3)) s (scoring \(scoring.scoringID)): "
                + "CLV \(TermsReport(scoring.terms).text)"
        }
        return line
    }
}
