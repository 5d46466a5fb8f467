import RealModule

/// The BG/NBD model applied: likelihood, probability alive and expected purchases, all in log
/// space so that customers with hundreds of purchases neither overflow nor give NaN.
public struct BGNBDModel: Sendable {
    public let parameters: BGNBDParameters

    public init(parameters: BGNBDParameters) {
        self.parameters = parameters
    }

    /// ln P(X = x, t_x | r, α, a, b) up to terms free of the parameters.
    public func logLikelihood(_ history: PurchaseHistory) -> Double {
        let (r, alpha, a, b) = (parameters.r, parameters.alpha, parameters.a, parameters.b)
        let x = Double(history.frequency)
        let a1 = SpecialFunctions.logGamma(r + x) - SpecialFunctions.logGamma(r) + r * .log(alpha)
        let a2 = SpecialFunctions.logGamma(a + b) + SpecialFunctions.logGamma(b + x) - SpecialFunctions.logGamma(b)
            - SpecialFunctions.logGamma(a + b + x)
        let a3 = -(r + x) * Double.log(alpha + history.age)
        guard history.frequency > 0 else { return a1 + a2 + a3 }
        let a4 = Double.log(a) - Double.log(b + x - 1) - (r + x) * Double.log(alpha + history.recency)
        return a1 + a2 + SpecialFunctions.logAddExp(a3, a4)
    }

    /// P(the customer is still alive at the end of the calibration period).
    public func probabilityAlive(_ history: PurchaseHistory) -> Double {
        guard history.frequency > 0 else { return 1 }
        return 1 / (1 + Double.exp(logOddsDead(history)))
    }

    /// ln of a/(b+x−1) · ((α+T)/(α+t_x))^(r+x): the odds that the customer has dropped out.
    private func logOddsDead(_ history: PurchaseHistory) -> Double {
        let (r, alpha, a, b) = (parameters.r, parameters.alpha, parameters.a, parameters.b)
        let x = Double(history.frequency)
        return Double.log(a) - Double.log(b + x - 1)
            + (r + x) * (Double.log(alpha + history.age) - Double.log(alpha + history.recency))
    }

    /// E[purchases in the next `horizon` time units | history].
    ///
    /// The published form multiplies ((α+T)/(α+T+t))^(r+x) by ₂F₁(r+x, b+x; a+b+x−1; z), whose
    /// series terms overflow for heavy buyers. Euler's transformation turns the product into
    /// (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z), whose terms shrink from the first.
    public func expectedPurchases(_ history: PurchaseHistory, horizon: Double) -> Double {
        guard horizon > 0 else { return 0 }
        let (r, alpha, b) = (parameters.r, parameters.alpha, parameters.b)
        // The expression is 0/0 at a = 1; its limit is approached closely enough from one side.
        let a = abs(parameters.a - 1) < 1e-7 ? 1 + 1e-7 : parameters.a
        let x = Double(history.frequency)
        let z = horizon / (alpha + history.age + horizon)
        let c = a + b + x - 1
        let hypergeometric = Hypergeometric.series2F1(a + b - 1 - r, a - 1, c, z)
        let oneMinusZ = (alpha + history.age) / (alpha + history.age + horizon)
        let bracket = 1 - Double.pow(oneMinusZ, a - 1) * hypergeometric
        let expectedIfAlive = c / (a - 1) * bracket
        return expectedIfAlive * probabilityAlive(history)
    }
}
