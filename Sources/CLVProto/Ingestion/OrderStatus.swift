/// `clv.ingestion.v1.OrderStatus`.
public enum OrderStatus: Int32, Sendable, Hashable, CaseIterable {
    case unspecified = 0
    case completed = 1
    case cancelled = 2
    case refunded = 3
    case returned = 4

    /// The lower-case name used in the store, CSV files and messages.
    public var name: String {
        switch self {
        case .unspecified: "unspecified"
        case .completed: "completed"
        case .cancelled: "cancelled"
        case .refunded: "refunded"
        case .returned: "returned"
        }
    }

    /// The status named `name` (case-insensitive), if any.
    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = match
    }
}
