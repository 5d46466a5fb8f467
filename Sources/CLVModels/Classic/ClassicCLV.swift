import RealModule

/// The textbook CLV formulas, reported beside the probabilistic models because that is what
/// finance teams know: simple, and wrong in the ways the models correct.
public enum ClassicCLV {
    /// Lifespan in periods implied by a constant churn rate per period: 1 / churn.
    public static func lifespan(churnRatePerPeriod churn: Double) -> Double {
        churn > 0 ? 1 / churn : .infinity
    }

    /// Historical CLV = average order value × purchases per period × lifespan (1 / churn rate).
    public static func historical(averageOrderValue: Double, purchasesPerPeriod: Double, churnRatePerPeriod: Double) -> Double {
        averageOrderValue * purchasesPerPeriod * lifespan(churnRatePerPeriod: churnRatePerPeriod)
    }

    /// Σ_{t=0}^{periods−1} margin × rᵗ / (1 + d)ᵗ: margin per period, kept with probability r
    /// each period and discounted at rate d; `periods` nil sums to infinity
    /// (margin × (1 + d) / (1 + d − r)).
    public static func retentionDiscounted(marginPerPeriod margin: Double, retentionRate r: Double, discountRate d: Double, periods: Int? = nil) -> Double {
        let ratio = r / (1 + d)
        guard let periods else {
            return ratio < 1 ? margin / (1 - ratio) : .infinity
        }
        guard periods > 0 else { return 0 }
        if abs(1 - ratio) < 1e-12 { return margin * Double(periods) }
        return margin * (1 - Double.pow(ratio, Double(periods))) / (1 - ratio)
    }

    /// Net CLTV = revenue per period × lifespan − acquisition cost − service cost per period ×
    /// lifespan.
    public static func net(revenuePerPeriod: Double, lifespan: Double, acquisitionCost: Double, serviceCostPerPeriod: Double) -> Double {
        (revenuePerPeriod - serviceCostPerPeriod) * lifespan - acquisitionCost
    }
}
