import CLVModels
import CLVProto

/// The churn model's scorecard basis over the features: each feature's quantile bins, and the
/// bins of a few pairs crossed, since the churn signal lies largely in how features combine (a
/// complaint means more from a frequent buyer than from a one-time one).
extension ChurnFeatures {
    /// The crossed pairs, by name. Chosen by greedy pairwise screening on the segmentation
    /// benchmark's exported features (200,000 customers): each round scored every pair by the
    /// score test of its 8 × 8 cells against the residuals of the model without it and added
    /// the best; these seven raised the validation AUC from 0.838 (bins alone, no better than
    /// the plain logistic regression) to 0.866, after which it stopped rising.
    static let crossed: [(String, String)] = [
        ("recent_purchase_days", "engagement_trend"),
        ("frequency", "issues_recent"),
        ("probability_alive", "log_engagement_recency_over_interval"),
        ("probability_alive", "payment_trouble"),
        ("engagement_recent", "recent_vs_usual_purchases"),
        ("reason_events", "engagement_trend"),
        ("issues_recent", "log_engagement_after_purchase"),
    ]

    /// The fit's options: `crossed` by feature index, the penalty as given.
    static func scorecardOptions(l2: Double) -> ScorecardRegression.Options {
        let names = all.map(\.name)
        var pairs: [ScorecardRegression.Options.Pair] = []
        for (first, second) in crossed {
            // Every name above is one of `all`'s; ChurnScorecardTests pins it.
            guard let first = names.firstIndex(of: first), let second = names.firstIndex(of: second) else { continue }
            pairs.append(.init(first, second))
        }
        // A millionth of the log-loss: the validation AUC no longer moves in its fourth decimal.
        return ScorecardRegression.Options(l2: l2, crosses: pairs, tolerance: 1e-6)
    }

    /// The report's coefficients, in the model's column order: each term named by its
    /// features and bin ranges ("recency_days in [30, 60)"), described by its features'
    /// descriptions; `weight` per standard deviation of the term's indicator, `raw_weight` the
    /// log-odds it adds when it holds.
    static func coefficients(_ model: ScorecardModel) -> [Coefficient] {
        let names = all.map(\.name)
        return model.coefficients.map { coefficient in
            Coefficient(
                feature: coefficient.term.text(names: names),
                description: coefficient.term.conditions.map { all[$0.feature].description }.joined(separator: "; "),
                weight: coefficient.standardisedWeight, rawWeight: coefficient.weight)
        }
    }
}
