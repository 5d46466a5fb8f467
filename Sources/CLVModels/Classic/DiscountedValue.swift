import RealModule

/// CLV from a purchase model: the expected margin of future purchases over a horizon,
/// discounted per time unit.
///
/// The horizon is cut into `steps` equal slices; the purchases expected in each slice are
/// discounted to its end. Twelve slices of a year are what finance teams use monthly.
public struct DiscountedValue: Sendable, Equatable, Codable {
    /// Horizon in the model's time unit.
    public var horizon: Double
    /// Discount rate per time unit (for example 0.0018 per week ≈ 10 % a year).
    public var discountRatePerUnit: Double
    public var steps: Int

    public init(horizon: Double, discountRatePerUnit: Double, steps: Int = 12) {
        self.horizon = horizon
        self.discountRatePerUnit = discountRatePerUnit
        self.steps = max(1, steps)
    }

    /// Σₖ margin per purchase × (E[Y(tₖ)] − E[Y(tₖ₋₁)]) / (1 + d)^tₖ.
    /// - Parameter expectedPurchases: E[purchases in (0, t]] for this customer.
    public func value(marginPerPurchase: Double, expectedPurchases: (Double) -> Double) -> Double {
        marginPerPurchase * purchases(expectedPurchases).discounted
    }

    /// The purchases expected over the horizon, and the same with each discounted to the end
    /// of its slice: one pass over the slices gives both.
    public func purchases(_ expectedPurchases: (Double) -> Double) -> (expected: Double, discounted: Double) {
        var discounted = 0.0
        var previous = 0.0
        let logDiscount = Double.log(onePlus: discountRatePerUnit)
        for step in 1...steps {
            let time = horizon * Double(step) / Double(steps)
            let cumulative = expectedPurchases(time)
            discounted += (cumulative - previous) * Double.exp(-time * logDiscount)
            previous = cumulative
        }
        return (previous, discounted)
    }

    /// The rate per time unit equivalent to an annual discount rate.
    public static func ratePerUnit(annualRate: Double, unit: TimeUnit) -> Double {
        Double.expMinusOne(Double.log(onePlus: annualRate) * unit.days / 365.2425)
    }
}
