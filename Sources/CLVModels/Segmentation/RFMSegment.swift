/// The eleven named RFM segments. A customer's segment follows from their scores by
/// `RFMSegment.rules`: recency R, and FM = (F + M) / 2, the mean of frequency and monetary.
public enum RFMSegment: String, CaseIterable, Sendable, Codable {
    case champions
    case loyal
    case potentialLoyalist = "potential_loyalist"
    case new = "new"
    case promising
    case needAttention = "need_attention"
    case aboutToSleep = "about_to_sleep"
    case atRisk = "at_risk"
    case cantLoseThem = "cant_lose_them"
    case hibernating
    case lost

    /// "Champions", "Loyal", "Potential Loyalist", "New", "Promising", "Need Attention",
    /// "About to Sleep", "At Risk", "Can't Lose Them", "Hibernating", "Lost".
    public var displayName: String {
        switch self {
        case .champions: "Champions"
        case .loyal: "Loyal"
        case .potentialLoyalist: "Potential Loyalist"
        case .new: "New"
        case .promising: "Promising"
        case .needAttention: "Need Attention"
        case .aboutToSleep: "About to Sleep"
        case .atRisk: "At Risk"
        case .cantLoseThem: "Can't Lose Them"
        case .hibernating: "Hibernating"
        case .lost: "Lost"
        }
    }

    /// Exactly one segment for every triple: the first of `rules` that matches. The published
    /// range tables overlap and leave gaps; the rules keep their intent on the R × (F + M) grid
    /// in a fixed priority order and end with a rule that catches everything left (see
    /// docs/segmentation.md).
    /// Scores outside 1...5 are clamped first.
    public init(_ scores: RFMScores) {
        let r = min(max(scores.recency, 1), 5), f = min(max(scores.frequency, 1), 5)
        let m = min(max(scores.monetary, 1), 5)
        self = Self.byTriple[(r - 1) * 25 + (f - 1) * 5 + (m - 1)]
    }

    /// The rule table as data, in priority order, for docs and tests. Earlier rules win where
    /// ranges overlap (Champions over Loyal, Need Attention over About to Sleep, Can't Lose Them
    /// over At Risk); the last catches what is left (R 2 with F = M = 1, and R 1 with FM 2–2.5).
    public static let rules: [RFMSegmentRule] = [
        RFMSegmentRule(.champions, recency: 4...5, frequencyPlusMonetary: 8...10,
                       "bought recently, often and big"),
        RFMSegmentRule(.loyal, recency: 3...5, frequencyPlusMonetary: 6...10,
                       "buy regularly and spend well; not Champions"),
        RFMSegmentRule(.new, recency: 4...5, frequencyPlusMonetary: 2...2,
                       "recent first purchase, lowest frequency and order value"),
        RFMSegmentRule(.potentialLoyalist, recency: 4...5, frequencyPlusMonetary: 3...5,
                       "recent, with some repeat buying or spend"),
        RFMSegmentRule(.promising, recency: 3...3, frequencyPlusMonetary: 2...2,
                       "fairly recent, lowest frequency and order value"),
        RFMSegmentRule(.needAttention, recency: 3...3, frequencyPlusMonetary: 4...5,
                       "middling on all three"),
        RFMSegmentRule(.aboutToSleep, recency: 2...3, frequencyPlusMonetary: 3...5,
                       "below average and slipping"),
        RFMSegmentRule(.cantLoseThem, recency: 1...1, frequencyPlusMonetary: 8...10,
                       "were among the best, long gone"),
        RFMSegmentRule(.atRisk, recency: 1...2, frequencyPlusMonetary: 6...10,
                       "bought often or big, but long ago"),
        RFMSegmentRule(.lost, recency: 1...1, frequencyPlusMonetary: 2...3,
                       "longest gone, lowest frequency and order value"),
        RFMSegmentRule(.hibernating, recency: 1...5, frequencyPlusMonetary: 2...10,
                       "everything left: long ago, low to middling frequency and order value"),
    ]

    /// `rules` evaluated once for all 125 triples, R major, so `init` is a table look-up:
    /// index (R − 1)·25 + (F − 1)·5 + (M − 1).
    static let byTriple: [RFMSegment] = RFMScores.all.map { scores in
        // The last rule matches every valid triple, so the fallback is never taken.
        rules.first { $0.matches(scores) }?.segment ?? .hibernating
    }
}
