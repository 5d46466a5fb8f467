/// Parameters of the BG/NBD model (Fader, Hardie & Lee 2005) in a stated time unit.
///
/// While alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each
/// purchase they drop out with probability p ~ Beta(a, b).
public struct BGNBDParameters: Equatable, Sendable, Codable {
    public var r: Double
    /// Scale of the purchase rate, in time units.
    public var alpha: Double
    public var a: Double
    public var b: Double

    public init(r: Double, alpha: Double, a: Double, b: Double) {
        self.r = r
        self.alpha = alpha
        self.a = a
        self.b = b
    }

    public static let names = ["r", "alpha", "a", "b"]
    var values: [Double] { [r, alpha, a, b] }
}
