/// Parameters of the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987): while alive a
/// customer buys with rate λ ~ Gamma(r, α); lifetimes are exponential with rate μ ~ Gamma(s, β).
public struct ParetoNBDParameters: Equatable, Sendable, Codable {
    public var r: Double
    public var alpha: Double
    public var s: Double
    public var beta: Double

    public init(r: Double, alpha: Double, s: Double, beta: Double) {
        self.r = r
        self.alpha = alpha
        self.s = s
        self.beta = beta
    }

    public static let names = ["r", "alpha", "s", "beta"]
}
