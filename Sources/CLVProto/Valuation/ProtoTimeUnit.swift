/// `clv.valuation.v1.TimeUnit`: the unit of a run's times and horizons.
public enum ProtoTimeUnit: Int32, Sendable, Hashable, CaseIterable {
    /// The server's default: week.
    case unspecified = 0
    case day = 1
    case week = 2
    /// 365.2425 / 12 days.
    case month = 3

    /// The lower-case name used in messages and on the command line.
    public var name: String {
        switch self {
        case .unspecified: "unspecified"
        case .day: "day"
        case .week: "week"
        case .month: "month"
        }
    }

    /// The unit named `name` (case-insensitive), if any.
    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = match
    }
}
