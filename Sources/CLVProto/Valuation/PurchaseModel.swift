/// `clv.valuation.v1.PurchaseModel`: the model of purchase counts.
public enum PurchaseModel: Int32, Sendable, Hashable, CaseIterable {
    /// The server's default: BG/NBD.
    case unspecified = 0
    case bgNBD = 1
    case paretoNBD = 2

    /// The snake-case name used in messages and on the command line (`bg_nbd`).
    public var name: String {
        switch self {
        case .unspecified: "unspecified"
        case .bgNBD: "bg_nbd"
        case .paretoNBD: "pareto_nbd"
        }
    }

    /// The model named `name` (case-insensitive), if any.
    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = match
    }
}
