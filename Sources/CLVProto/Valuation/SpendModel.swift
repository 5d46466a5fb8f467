/// `clv.valuation.v1.SpendModel`: the model of spend per purchase.
public enum SpendModel: Int32, Sendable, Hashable, CaseIterable {
    /// The server's default: Gamma-Gamma.
    case unspecified = 0
    case gammaGamma = 1
    /// No spend model: every purchase is worth the customer's own average order value.
    case none = 2

    /// The snake-case name used in messages and on the command line (`gamma_gamma`).
    public var name: String {
        switch self {
        case .unspecified: "unspecified"
        case .gammaGamma: "gamma_gamma"
        case .none: "none"
        }
    }

    /// The model named `name` (case-insensitive), if any.
    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = match
    }
}
