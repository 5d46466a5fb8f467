/// Parameters of the Gamma-Gamma spend model (Fader, Hardie & Lee 2005): transaction values
/// ~ Gamma(p, ν), with each customer's ν ~ Gamma(q, γ).
public struct GammaGammaParameters: Equatable, Sendable, Codable {
    public var p: Double
    public var q: Double
    /// Scale of spend, in currency units.
    public var gamma: Double

    public init(p: Double, q: Double, gamma: Double) {
        self.p = p
        self.q = q
        self.gamma = gamma
    }

    public static let names = ["p", "q", "gamma"]
}
