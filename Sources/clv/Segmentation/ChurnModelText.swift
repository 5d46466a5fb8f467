import Foundation

/// The churn model report for people: the splits, a metrics table per scorer, the model's lift
/// by decile and its strongest scorecard terms.
extension ChurnModelReport {
    var text: String {
        var lines: [String] = []
        var head = TextTable([("", .left), ("", .left)])
        for (label, value) in [
            ("model", "\(modelId)" + (valuationRunId == 0 ? "" : " (P(alive) from valuation run \(valuationRunId))")),
            ("label", "no purchase in the \(windowDays) days after a cut-off"),
            ("train", "cut-off \(trainCutoff), \(trainCustomers) customers, churn rate \(Format.percent(trainChurnRate))"),
            ("validate", "cut-off \(validateCutoff), \(validateCustomers) customers, churn rate \(Format.percent(validateChurnRate))"),
            ("fit", "L2 \(Format.number(l2, significant: 3)), \(iterations) iterations, \(converged ? "converged" : "NOT converged"), \(Format.seconds(trainSeconds))"),
            ("scored", "\(scoredCustomers) customers as of \(scoredAsOf.isEmpty ? "—" : scoredAsOf)"),
        ] { head.append([label, value]) }
        lines += head.lines

        lines.append("")
        lines.append("validation (predicted to churn from the threshold; TP/FP/TN/FN counts customers):")
        var scorers = TextTable([
            ("scorer", .left), ("AUC", .right), ("PR-AUC", .right), ("threshold", .right), ("precision", .right), ("recall", .right),
            ("TP", .right), ("FP", .right), ("TN", .right), ("FN", .right),
        ])
        for metric in metrics {
            scorers.append([
                metric.scorer, Self.fraction(metric.auc), Self.fraction(metric.prAuc),
                // Recency's threshold is in days since the last purchase, the others' a risk.
                metric.scorer == "recency" ? Format.count(Int(metric.threshold.rounded()), "day") : Self.fraction(metric.threshold),
                Format.percent(metric.precision), Format.percent(metric.recall), String(metric.confusion.truePositives),
                String(metric.confusion.falsePositives), String(metric.confusion.trueNegatives), String(metric.confusion.falseNegatives),
            ])
        }
        lines += scorers.lines

        if let model = metrics.first(where: { $0.scorer == "churn_model" }), !model.deciles.isEmpty {
            lines.append("")
            lines.append("churn model by decile (1 holds the highest risk; lift = observed rate / overall churn rate):")
            var deciles = TextTable([
                ("decile", .right), ("customers", .right), ("mean predicted", .right), ("observed rate", .right), ("lift", .right),
            ])
            for row in model.deciles {
                deciles.append([
                    String(row.decile), String(row.customers), Format.percent(row.meanPredicted), Format.percent(row.observedRate),
                    String(format: "%.2f", row.lift),
                ])
            }
            lines += deciles.lines
        }

        lines.append("")
        let strongest = coefficients.sorted { abs($0.weight) > abs($1.weight) }.prefix(Self.shownTerms)
        lines.append(
            "the \(strongest.count) strongest of \(coefficients.count) scorecard terms by |per SD| (log-odds of churn; intercept "
                + "\(Self.fraction(intercept)); all with --json):")
        var weights = TextTable([("term", .left), ("per SD", .right), ("when it holds", .right)])
        for row in strongest {
            weights.append([row.feature, Self.fraction(row.weight), Self.fraction(row.rawWeight)])
        }
        lines += weights.lines
        return lines.joined(separator: "\n")
    }

    /// Terms the text shows: a scorecard has hundreds, and the strongest tell its story.
    static let shownTerms = 20

    /// A figure between about -10 and 10 to three decimals: "0.812".
    static func fraction(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}
