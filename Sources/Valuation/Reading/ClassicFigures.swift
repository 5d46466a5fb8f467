import CLVModels

/// The classic formulas for one customer, per year: their average order value and yearly
/// purchase rate (over at least a year of tenure), the run's annual retention rate, and the
/// call's margin and discount.
struct ClassicFigures {
    let historical: Double
    let retentionDiscounted: Double
    let net: Double

    init(history: CurrentHistory, run: ModelRunRecord, options: ValueOptions, acquisitionCost: Double) {
        let averageOrder = Double(history.revenue) / Double(max(history.completedOrders, 1))
        let years = max(Double(history.ageDays) / 365.2425, 1)
        let ordersPerYear = Double(history.completedOrders) / years
        // A retention of 100 % would make the lifespan infinite: churn is taken as at least 1 % a year.
        let churn = max(1 - run.annualRetentionRate, 0.01)
        historical = ClassicCLV.historical(averageOrderValue: averageOrder, purchasesPerPeriod: ordersPerYear, churnRatePerPeriod: churn)
        let horizonYears = Int((run.timeUnit.days * options.horizon / 365.2425).rounded(.up))
        retentionDiscounted = ClassicCLV.retentionDiscounted(
            marginPerPeriod: averageOrder * ordersPerYear * options.marginRate, retentionRate: 1 - churn,
            discountRate: options.annualDiscountRate, periods: max(horizonYears, 1))
        net = ClassicCLV.net(
            revenuePerPeriod: averageOrder * ordersPerYear, lifespan: ClassicCLV.lifespan(churnRatePerPeriod: churn),
            acquisitionCost: acquisitionCost, serviceCostPerPeriod: 0)
    }
}
