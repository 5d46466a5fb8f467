import CLVModels

/// Applies a run to customers' histories: probability alive, expected purchases and spend, and
/// CLV as the discounted expected margin over the horizon.
struct ValueCalculator: Sendable {
    /// The parts of a valuation that depend only on (x, t_x, T), shared by every customer with
    /// that history.
    struct CountFigures: Sendable {
        let probabilityAlive: Double
        let expectedPurchases: Double
        /// Expected purchases, each discounted to when it is expected.
        let discountedPurchases: Double
    }

    let run: ModelRunRecord
    let options: ValueOptions

    func countFigures(_ history: PurchaseHistory) -> CountFigures {
        let model = run.purchaseModel
        let purchases = options.discounting.purchases { model.expectedPurchases(history, horizon: $0) }
        return CountFigures(
            probabilityAlive: model.probabilityAlive(history), expectedPurchases: purchases.expected,
            discountedPurchases: purchases.discounted)
    }

    /// Expected value of one future purchase: Gamma-Gamma's conditional mean when the run has
    /// it, else the customer's own average per purchase day.
    func expectedAverageOrder(_ history: CurrentHistory) -> Double {
        guard let spend = run.spendModel else {
            return Double(history.revenue) / Double(history.frequency + 1)
        }
        guard history.frequency > 0, history.repeatRevenue > 0 else { return spend.populationMeanValue }
        return spend.expectedMeanValue(
            SpendHistory(frequency: history.frequency, meanValue: Double(history.repeatRevenue) / Double(history.frequency)))
    }

    func valuation(_ history: CurrentHistory, figures: CountFigures) -> CustomerValuation {
        let averageOrder = expectedAverageOrder(history)
        return CustomerValuation(
            probabilityAlive: figures.probabilityAlive, expectedPurchases: figures.expectedPurchases,
            expectedAverageOrder: averageOrder, clv: figures.discountedPurchases * averageOrder * options.marginRate)
    }

    func valuation(_ history: CurrentHistory) -> CustomerValuation {
        valuation(history, figures: countFigures(history.purchaseHistory(in: run.timeUnit)))
    }
}
