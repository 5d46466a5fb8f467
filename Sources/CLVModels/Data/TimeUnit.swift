/// The unit every model time is expressed in: recency, age, horizons and rates per period.
///
/// Models fitted in one unit give parameters that only make sense in that unit (α and β are
/// time scales), so the unit travels with every fit.
public enum TimeUnit: String, Sendable, CaseIterable, Codable {
    case day
    case week
    /// An average Gregorian month: 365.2425 / 12 days.
    case month

    /// Length of one unit in days.
    public var days: Double {
        switch self {
        case .day: 1
        case .week: 7
        case .month: 365.2425 / 12
        }
    }

    /// `days` expressed in this unit.
    public func fromDays(_ days: Double) -> Double { days / self.days }
}
