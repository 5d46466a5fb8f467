import RealModule

/// The Pareto/NBD model applied, in log space throughout: its hypergeometric term is summed
/// relative to its largest term, so heavy buyers neither overflow nor give NaN.
public struct ParetoNBDModel: Sendable {
    public let parameters: ParetoNBDParameters

    public init(parameters: ParetoNBDParameters) {
        self.parameters = parameters
    }

    /// ln L(r, α, s, β | x, t_x, T) (Fader & Hardie 2005, "A Note on Deriving the Pareto/NBD
    /// Model and Related Expressions", eq. 22).
    public func logLikelihood(_ history: PurchaseHistory) -> Double {
        let (r, alpha, s, beta) = (parameters.r, parameters.alpha, parameters.s, parameters.beta)
        let x = Double(history.frequency)
        let a1 = SpecialFunctions.logGamma(r + x) - SpecialFunctions.logGamma(r) + r * Double.log(alpha) + s * Double.log(beta)
        let alive = -(r + x) * Double.log(alpha + history.age) - s * Double.log(beta + history.age)
        let dead = Double.log(s) - Double.log(r + s + x) + logA0(history)
        return a1 + SpecialFunctions.logAddExp(alive, dead)
    }

    /// P(alive at the end of the calibration period).
    public func probabilityAlive(_ history: PurchaseHistory) -> Double {
        let (r, alpha, s, beta) = (parameters.r, parameters.alpha, parameters.s, parameters.beta)
        let x = Double(history.frequency)
        let logOdds = Double.log(s) - Double.log(r + s + x) + (r + x) * Double.log(alpha + history.age)
            + s * Double.log(beta + history.age) + logA0(history)
        return 1 / (1 + Double.exp(logOdds))
    }

    /// E[purchases in the next `horizon` time units | history].
    public func expectedPurchases(_ history: PurchaseHistory, horizon: Double) -> Double {
        guard horizon > 0 else { return 0 }
        let (r, alpha, s, beta) = (parameters.r, parameters.alpha, parameters.s, parameters.beta)
        let x = Double(history.frequency)
        // [1 − ((β+T)/(β+T+t))^(s−1)] / (s − 1), exact as s → 1.
        let logRatio = Double.log(beta + history.age) - Double.log(beta + history.age + horizon)
        let decay = abs(s - 1) < 1e-10 ? -logRatio : -Double.expMinusOne((s - 1) * logRatio) / (s - 1)
        return (r + x) * (beta + history.age) / (alpha + history.age) * decay * probabilityAlive(history)
    }

    /// ln A₀, the term for a customer who died between t_x and T.
    func logA0(_ history: PurchaseHistory) -> Double {
        SpecialFunctions.logSubExp(
            logA0Term(frequency: history.frequency, time: history.recency), logA0Term(frequency: history.frequency, time: history.age))
    }

    /// One end of A₀ at time t (t_x or T): ln ₂F₁(r+s+x, b; r+s+x+1; |α−β| / (m+t)) − (r+s+x) ln(m+t),
    /// with m = max(α, β) and b = s+1 when α ≥ β, else r+x.
    func logA0Term(frequency: Int, time: Double) -> Double {
        let (r, alpha, s, beta) = (parameters.r, parameters.alpha, parameters.s, parameters.beta)
        let x = Double(frequency)
        let rsx = r + s + x
        let (larger, b) = alpha >= beta ? (alpha, s + 1) : (beta, r + x)
        return SpecialFunctions.logHypergeometric2F1(rsx, b, rsx + 1, abs(alpha - beta) / (larger + time))
            - rsx * Double.log(larger + time)
    }
}
