/// `clv.valuation.v1.Grouping`: what a value report groups customers by.
public enum Grouping: Int32, Sendable, Hashable, CaseIterable {
    /// The server's default: market.
    case unspecified = 0
    case market = 1
    case channel = 2

    /// The lower-case name used in messages and on the command line.
    public var name: String {
        switch self {
        case .unspecified: "unspecified"
        case .market: "market"
        case .channel: "channel"
        }
    }

    /// The grouping named `name` (case-insensitive), if any.
    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = match
    }
}
