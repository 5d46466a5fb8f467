import Foundation

/// What one column of a scorecard design stands for: a feature in one of its bins, or two
/// features each in one of theirs (a cross's cell).
public struct ScorecardTerm: Sendable, Hashable {
    /// A feature's value in [lower, upper); a nil bound is open.
    public struct Condition: Sendable, Hashable {
        public var feature: Int
        public var lower: Double?
        public var upper: Double?

        init(_ main: ScorecardExpansion.Main, bin: Int) {
            feature = main.feature
            (lower, upper) = main.bins.bounds(bin)
        }

        /// "recency_days in [30, 60)", "frequency < 2" or "issues_recent ≥ 1".
        public func text(name: String) -> String {
            switch (lower, upper) {
            case let (lower?, upper?): "\(name) in [\(Self.number(lower)), \(Self.number(upper)))"
            case let (nil, upper?): "\(name) < \(Self.number(upper))"
            case let (lower?, nil): "\(name) ≥ \(Self.number(lower))"
            case (nil, nil): "\(name) any"
            }
        }

        /// Whole numbers as they are, others to four significant digits.
        static func number(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e12 ? String(Int64(value)) : String(format: "%.4g", value)
        }
    }

    /// One condition for a main's bin, two for a cross's cell.
    public var conditions: [Condition]

    /// The conditions joined by " × ", each feature named by `names[feature]`.
    public func text(names: [String]) -> String {
        conditions.map { $0.text(name: $0.feature < names.count ? names[$0.feature] : "feature \($0.feature)") }.joined(separator: " × ")
    }
}
