import CLVModels

/// The classic formulas for one customer, per year: their average order value and yearly
/// purchase rate (over at least a year of tenure), the run's annual retention rate, and the
/// call's margin and discount.
struct ClassicFigures {
    /// Revenue over the lifespan, undiscounted.
    let historical: Double
    /// Margin over the horizon's whole years, discounted.
    let retentionDiscounted: Double
    /// Revenue over the lifespan less the acquisition cost; nil when that cost is unknown.
    let net: Double?
    let lifespanYears: Double

    init(history: CurrentHistory, run: ModelRunRecord, options: ValueOptions, acquisitionCost: Double?) {
        let averageOrder = Double(history.revenue) / Double(max(history.completedOrders, 1))
        let years = max(Double(history.ageDays) / 365.2425, 1)
        let ordersPerYear = Double(history.completedOrders) / years
        // A retention of 100 % would make the lifespan infinite: churn is taken as at least 1 % a year.
        let churn = max(1 - run.annualRetentionRate, 0.01)
        let lifespan = ClassicCLV.lifespan(churnRatePerPeriod: churn)
        lifespanYears = lifespan
        historical = ClassicCLV.historical(averageOrderValue: averageOrder, purchasesPerPeriod: ordersPerYear, churnRatePerPeriod: churn)
        retentionDiscounted = ClassicCLV.retentionDiscounted(
            marginPerPeriod: averageOrder * ordersPerYear * options.marginRate, retentionRate: 1 - churn,
            discountRate: options.annualDiscountRate, periods: options.horizonYears)
        // An unknown acquisition cost is not a free one.
        net = acquisitionCost.map { cost in
            ClassicCLV.net(revenuePerPeriod: averageOrder * ordersPerYear, lifespan: lifespan, acquisitionCost: cost, serviceCostPerPeriod: 0)
        }
    }
}
