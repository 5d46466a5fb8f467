/// Counts of a classifier's calls against the truth at one threshold.
public struct ConfusionMatrix: Sendable, Hashable, Codable {
    public var truePositives, falsePositives, trueNegatives, falseNegatives: Int

    public init(truePositives: Int = 0, falsePositives: Int = 0, trueNegatives: Int = 0, falseNegatives: Int = 0) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.trueNegatives = trueNegatives
        self.falseNegatives = falseNegatives
    }

    /// Share of predicted positives that are positive; 0 when nothing is predicted positive.
    public var precision: Double {
        let predicted = truePositives + falsePositives
        return predicted > 0 ? Double(truePositives) / Double(predicted) : 0
    }

    /// Share of positives predicted positive; 0 when there are no positives.
    public var recall: Double {
        let actual = truePositives + falseNegatives
        return actual > 0 ? Double(truePositives) / Double(actual) : 0
    }
}

/// One tenth of the customers, ranked by score.
public struct DecileRow: Sendable, Hashable, Codable {
    /// 1 = highest scores.
    public var decile: Int
    public var customers: Int
    /// Mean score in the decile (0 when it is empty).
    public var meanPredicted: Double
    /// Share of positives in the decile (0 when it is empty).
    public var observedRate: Double
    /// observedRate / overall positive rate (0 when there are no positives).
    public var lift: Double
}

/// How well scores rank and classify known outcomes: ROC AUC, average precision, a confusion
/// matrix at a threshold and a decile lift table.
public struct ClassifierEvaluation: Sendable, Hashable, Codable {
    public var customers: Int
    public var positives: Int
    /// ROC AUC, ties counted half (Mann–Whitney); NaN when either class is absent.
    public var auc: Double
    /// Average precision as scikit-learn's `average_precision_score`: Σ (Rₖ − Rₖ₋₁) Pₖ over the
    /// distinct scores, highest first; NaN when there are no positives.
    public var prAUC: Double
    public var threshold: Double
    /// Predicted positive when score >= threshold.
    public var confusion: ConfusionMatrix
    /// 10 rows, by descending score. Customers are ranked by score and then by index (a stable
    /// sort), so tied scores may straddle two deciles; decile k holds ranks ⌊(k−1)n/10⌋ up to
    /// ⌊kn/10⌋, so fewer than 10 customers leave some deciles empty.
    public var deciles: [DecileRow]

    /// `scores` are any monotone risk scores (higher = more likely positive); for baselines that are
    /// not probabilities, meanPredicted is still reported as the mean score. A NaN score ranks
    /// below every other. Sorts once: O(n log n).
    public init(scores: [Double], labels: [Bool], threshold: Double) {
        precondition(scores.count == labels.count, "ClassifierEvaluation: \(scores.count) scores for \(labels.count) labels")
        let n = scores.count
        let keys = scores.map { $0.isNaN ? -Double.infinity : $0 }
        let order = (0..<n).sorted { keys[$0] != keys[$1] ? keys[$0] > keys[$1] : $0 < $1 }
        let positives = labels.reduce(0) { $0 + ($1 ? 1 : 0) }
        let negatives = n - positives
        customers = n
        self.positives = positives
        self.threshold = threshold

        // Tie groups from the top: a group's positives outrank every negative below it and tie
        // with the group's own negatives; each group is one precision-recall threshold.
        var (truePositives, falsePositives) = (0, 0)
        var (pairsWon, averagePrecision) = (0.0, 0.0)
        var start = 0
        while start < n {
            var end = start
            var (groupPositives, groupNegatives) = (0, 0)
            while end < n, keys[order[end]] == keys[order[start]] {
                if labels[order[end]] { groupPositives += 1 } else { groupNegatives += 1 }
                end += 1
            }
            let negativesBelow = negatives - falsePositives - groupNegatives
            pairsWon += Double(groupPositives) * (Double(negativesBelow) + 0.5 * Double(groupNegatives))
            truePositives += groupPositives
            falsePositives += groupNegatives
            if groupPositives > 0 {
                averagePrecision += Double(groupPositives) / Double(positives)
                    * Double(truePositives) / Double(truePositives + falsePositives)
            }
            start = end
        }
        auc = positives > 0 && negatives > 0 ? pairsWon / (Double(positives) * Double(negatives)) : .nan
        prAUC = positives > 0 ? averagePrecision : .nan

        var confusion = ConfusionMatrix()
        for (score, label) in zip(scores, labels) {
            switch (score >= threshold, label) {
            case (true, true): confusion.truePositives += 1
            case (true, false): confusion.falsePositives += 1
            case (false, false): confusion.trueNegatives += 1
            case (false, true): confusion.falseNegatives += 1
            }
        }
        self.confusion = confusion

        let overallRate = n > 0 ? Double(positives) / Double(n) : 0
        deciles = (1...10).map { decile in
            let ranks = order[((decile - 1) * n / 10)..<(decile * n / 10)]
            let count = ranks.count
            let sum = ranks.reduce(0.0) { $0 + scores[$1] }
            let hits = ranks.reduce(0) { $0 + (labels[$1] ? 1 : 0) }
            let rate = count > 0 ? Double(hits) / Double(count) : 0
            return DecileRow(decile: decile, customers: count, meanPredicted: count > 0 ? sum / Double(count) : 0,
                             observedRate: rate, lift: overallRate > 0 ? rate / overallRate : 0)
        }
    }
}
