/// `clv.valuation.v1.Parameter`: one fitted parameter.
public struct Parameter: Sendable, Hashable {
    public var name: String
    public var value: Double
    /// From the inverse Hessian of the log-likelihood; nil when that is not invertible.
    public var standardError: Double?

    public init(name: String = "", value: Double = 0, standardError: Double? = nil) {
        self.name = name
        self.value = value
        self.standardError = standardError
    }
}
