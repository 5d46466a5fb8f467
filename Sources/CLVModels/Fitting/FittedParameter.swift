/// One fitted parameter with its standard error from the observed information (the inverse
/// Hessian of the log-likelihood at the optimum); nil when that Hessian is not invertible.
public struct FittedParameter: Equatable, Sendable, Codable {
    public let name: String
    public let value: Double
    public let standardError: Double?

    public init(name: String, value: Double, standardError: Double?) {
        self.name = name
        self.value = value
        self.standardError = standardError
    }
}
