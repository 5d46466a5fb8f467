import Foundation
import Testing

@testable import CLVModels

@Suite("Classic CLV and discounting")
struct ClassicCLVTests {
    @Test func historicalAndNetFollowTheirDefinitions() {
        // 50 per order, 4 orders a year, 25 % churn a year: a 4-year lifespan.
        #expect(ClassicCLV.historical(averageOrderValue: 50, purchasesPerPeriod: 4, churnRatePerPeriod: 0.25) == 800)
        #expect(ClassicCLV.net(revenuePerPeriod: 200, lifespan: 4, acquisitionCost: 120, serviceCostPerPeriod: 30) == 560)
        #expect(ClassicCLV.historical(averageOrderValue: 50, purchasesPerPeriod: 4, churnRatePerPeriod: 0) == .infinity)
    }

    @Test func retentionDiscountedSumsTheSeries() {
        let finite = ClassicCLV.retentionDiscounted(marginPerPeriod: 100, retentionRate: 0.8, discountRate: 0.1, periods: 3)
        let bySum = (0..<3).reduce(0.0) { $0 + 100 * pow(0.8, Double($1)) / pow(1.1, Double($1)) }
        #expect(abs(finite - bySum) < 1e-9)
        let infinite = ClassicCLV.retentionDiscounted(marginPerPeriod: 100, retentionRate: 0.8, discountRate: 0.1)
        #expect(abs(infinite - 100 * 1.1 / 0.3) < 1e-9)
    }

    @Test func discountedValueDiscountsEachSlice() {
        // A customer expected to buy once per unit: without discounting, margin × horizon.
        let flat = DiscountedValue(horizon: 12, discountRatePerUnit: 0, steps: 12)
        #expect(abs(flat.value(marginPerPurchase: 10) { $0 } - 120) < 1e-9)
        let discounted = DiscountedValue(horizon: 2, discountRatePerUnit: 0.1, steps: 2)
        #expect(abs(discounted.value(marginPerPurchase: 10) { $0 } - (10 / 1.1 + 10 / 1.21)) < 1e-9)
        // 10 % a year is about 0.183 % a week.
        #expect(abs(DiscountedValue.ratePerUnit(annualRate: 0.1, unit: .week) - 0.001_829) < 1e-6)
    }

    @Test func holdoutEvaluationTabulatesErrors() throws {
        let evaluation = HoldoutEvaluation(
            predicted: [0.5, 1.5, 2, 4], actual: [0, 2, 2, 6], calibrationFrequency: [0, 1, 1, 9], frequencyRows: 3,
            cumulativePredicted: [2, 8], cumulativeActual: [4, 10])
        #expect(evaluation.meanAbsoluteError == 0.75)
        #expect(abs(evaluation.rootMeanSquaredError - (4.5 / 4).squareRoot()) < 1e-12)
        #expect(evaluation.totalPredicted == 8 && evaluation.totalActual == 10)
        #expect(evaluation.byCalibrationFrequency.map(\.customers) == [1, 2, 1])
        let last = try #require(evaluation.byCalibrationFrequency.last)
        #expect(last.andAbove && last.calibrationFrequency == 2 && last.meanActual == 6)
        #expect(evaluation.aggregateMAPE == (0.5 + 0.2) / 2)
    }
}
