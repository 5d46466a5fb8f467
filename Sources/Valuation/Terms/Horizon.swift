import CLVProto
import Foundation

/// A horizon as people write it: a count and its unit, `3y`, `36m`, `156w` or `1095d`.
///
/// A bare number is refused: `--horizon 3` once meant 3 weeks (the run's unit) without saying so.
/// A year is 365.2425 days and a month a twelfth of that, as the models' time units are.
public struct Horizon: Sendable, Hashable, CustomStringConvertible {
    public enum Unit: String, Sendable, CaseIterable {
        case day, week, month, year

        public var days: Double {
            switch self {
            case .day: 1
            case .week: 7
            case .month: ValueTerms.daysPerYear / 12
            case .year: ValueTerms.daysPerYear
            }
        }

        /// The names a user may give: `y`, `yr`, `year`, `years`, …
        static func named(_ text: String) -> Unit? {
            switch text {
            case "d", "day", "days": .day
            case "w", "wk", "week", "weeks": .week
            case "m", "mo", "month", "months": .month
            case "y", "yr", "year", "years": .year
            default: nil
            }
        }
    }

    /// The longest horizon the service values customers over.
    public static let maximumDays = 100 * ValueTerms.daysPerYear
    public static let hint = "give it with its unit: 3y (years), 36m (months), 156w (weeks) or 1095d (days)"

    public let count: Double
    public let unit: Unit
    public var days: Double { count * unit.days }

    public init(count: Double, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// Parses `3y`, `36m`, `156w`, `1095d` (also `1.5y`, `3 years`); the error says what to write.
    public init(parsing text: String) throws(ValueTermError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let number = trimmed.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }
        let unitText = trimmed.dropFirst(number.count).trimmingCharacters(in: .whitespaces)
        guard let count = Double(number), count.isFinite else {
            throw ValueTermError("horizon \"\(text.prefix(40))\" is not a number and a unit; \(Self.hint)")
        }
        guard !unitText.isEmpty else {
            throw ValueTermError("horizon \(number) has no unit; \(Self.hint)")
        }
        guard let unit = Unit.named(unitText) else {
            throw ValueTermError("horizon unit \"\(unitText.prefix(20))\" is not one of y, m, w, d; \(Self.hint)")
        }
        guard count > 0 else { throw ValueTermError("horizon must be longer than 0; \(Self.hint)") }
        guard count * unit.days <= Self.maximumDays else { throw ValueTermError("horizon must be at most 100 years") }
        self.init(count: count, unit: unit)
    }

    /// The horizon of `days` in the largest unit that counts it whole: 1095.7275 days are 3 years,
    /// 1092 days 156 weeks; else in days.
    public init(days: Double) {
        for unit in [Unit.year, .month, .week] {
            let count = days / unit.days
            if count >= 1, abs(count - count.rounded()) < 1e-6 {
                self.init(count: count.rounded(), unit: unit)
                return
            }
        }
        self.init(count: days, unit: .day)
    }

    /// "3 years", "1 week", "10.5 days".
    public var description: String {
        let number = count == count.rounded() && abs(count) < 1e15 ? String(Int64(count)) : String(format: "%.4g", count)
        return "\(number) \(unit.rawValue)\(count == 1 ? "" : "s")"
    }
}
