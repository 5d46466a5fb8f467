import CLVModels
import CLVProto
import DemoShop

/// The demo's segmentation results for people: segments by market, stages, warnings and drivers,
/// the churn model against its baselines, and the drivers of churned customers against the
/// causes the simulation gave them.
struct DemoSegmentsSummary {
    let outcome: DemoOutcome

    var sections: [String] {
        guard let summary = outcome.segments, let refresh = summary.refresh else { return [] }
        let basis = refresh.valueBasis?.description ?? ""
        var sections = [
            "== Segments by market (refresh \(refresh.refreshID) as of \(refresh.asOf), \(Format.number(refresh.seconds, significant: 3)) s; "
                + "value: \(basis))\n" + segmentTable(summary),
            "== Lifecycle stages\n" + shareTable(summary.stages, names: CLVProto.LifecycleStage.allCases.map(\.name), currency: currency),
            "== Churn warnings (customers may have several) and dominant drivers\n"
                + shareTable(summary.warnings, names: CLVProto.WarningCode.allCases.map(\.name), currency: currency) + "\n\n"
                + shareTable(summary.drivers, names: CLVProto.ChurnDriver.allCases.map(\.name) + ["none"], currency: currency),
        ]
        if let model = outcome.churnModel { sections.append(churnText(model)) }
        if !outcome.causes.isEmpty { sections.append(causesText) }
        return sections
    }

    private var currency: String { outcome.segments?.refresh?.valueBasis?.baseCurrency ?? outcome.baseCurrency }

    /// Segments down, markets across: customers per market, then the overall share and value.
    private func segmentTable(_ summary: SegmentSummaryResponse) -> String {
        let markets = Array(Set(summary.segments.map(\.group).filter { !$0.isEmpty })).sorted()
        let overall = Dictionary(uniqueKeysWithValues: summary.segments.filter { $0.group.isEmpty }.map { ($0.name, $0) })
        var byMarket: [String: [String: UInt64]] = [:]
        for row in summary.segments where !row.group.isEmpty { byMarket[row.name, default: [:]][row.group] = row.customers }
        var rows = [["segment", "customers", "share", "value share", "average value"] + markets]
        for segment in Segment.allCases.map(\.name) + ["none"] {
            guard let total = overall[segment] else { continue }
            rows.append(
                [Self.segmentName(segment), "\(total.customers)", Format.percent(total.customerShare), Format.percent(total.valueShare),
                 Format.money(total.averageValue, currency: currency)] + markets.map { "\(byMarket[segment]?[$0] ?? 0)" })
        }
        return Self.aligned(rows)
    }

    private func shareTable(_ rows: [SummaryRow], names: [String], currency: String) -> String {
        let overall = Dictionary(uniqueKeysWithValues: rows.filter { $0.group.isEmpty }.map { ($0.name, $0) })
        var table = [["", "customers", "share", "value share", "average value"]]
        for name in names {
            guard let row = overall[name] else { continue }
            table.append(
                [Self.displayName(name), "\(row.customers)", Format.percent(row.customerShare), Format.percent(row.valueShare),
                 Format.money(row.averageValue, currency: currency)])
        }
        return Self.aligned(table)
    }

    private func churnText(_ model: ChurnModel) -> String {
        var rows = [["scorer", "AUC", "PR-AUC", "precision", "recall", "top-decile lift"]]
        for metrics in model.metrics {
            rows.append(
                [metrics.scorer.replacingOccurrences(of: "_", with: " "), Format.number(metrics.auc, significant: 3),
                 Format.number(metrics.prAUC, significant: 3), Format.percent(metrics.precision), Format.percent(metrics.recall),
                 Format.number(metrics.deciles.first?.lift ?? 0, significant: 3)])
        }
        return """
            == Churn-risk model \(model.modelID): P(no purchase in the \(model.windowDays) days after a cut-off)
            trained at \(model.trainCutoff) on \(model.trainCustomers) customers (\(Format.percent(model.trainChurnRate)) churned) \
            in \(Format.number(model.trainSeconds, significant: 3)) s; validated at \(model.validateCutoff) on \
            \(model.validateCustomers) customers (\(Format.percent(model.validateChurnRate)) churned), against two baselines:
            \(Self.aligned(rows))
            """
    }

    private var causesText: String {
        func share(_ matches: [CLVModels.ChurnDriver: DemoOutcome.CauseMatch]) -> (Int, Int, String) {
            let customers = matches.values.reduce(0) { $0 + $1.customers }
            let matched = matches.values.reduce(0) { $0 + $1.matched }
            return (matched, customers, Format.percent(Double(matched) / Double(max(1, customers))))
        }
        let churned = share(outcome.causes)
        let inactive = share(outcome.inactiveCauses)
        var rows = [["true cause", "churned", "driver = cause", "dormant or churned", "driver = cause"]]
        for cause in CLVModels.ChurnDriver.allCases {
            let match = outcome.causes[cause] ?? DemoOutcome.CauseMatch()
            let wider = outcome.inactiveCauses[cause] ?? DemoOutcome.CauseMatch()
            rows.append([
                cause.displayName, "\(match.customers)", Format.percent(Double(match.matched) / Double(max(1, match.customers))),
                "\(wider.customers)", Format.percent(Double(wider.matched) / Double(max(1, wider.customers))),
            ])
        }
        return """
            == Churn drivers against the simulation's true causes
            \(churned.0) of the \(churned.1) customers the refresh calls churned and the simulation made churn have their true \
            cause as dominant driver: \(churned.2) (goal: at least 80 %); of the \(inactive.1) true churners it calls dormant \
            or churned, \(inactive.2).
            \(Self.aligned(rows))
            """
    }

    /// "cant_lose_them" → "Can't Lose Them".
    static func segmentName(_ name: String) -> String {
        RFMSegment(rawValue: name)?.displayName ?? name
    }

    /// Stages, drivers and warnings in words: "product_quality" → "product quality".
    static func displayName(_ name: String) -> String {
        name.replacingOccurrences(of: "_", with: " ")
    }

    /// Columns aligned: the first to the left, the others to the right.
    static func aligned(_ rows: [[String]]) -> String {
        let widths = (0..<(rows.map(\.count).max() ?? 0)).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
