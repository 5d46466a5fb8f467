import Foundation
import Testing

@testable import CLVModels

@Suite("Classifier evaluation")
struct ClassifierEvaluationTests {
    /// Eight customers with two ties (0.8 and 0.5, each a positive and a negative).
    static let scores = [0.9, 0.8, 0.8, 0.6, 0.5, 0.5, 0.3, 0.1]
    static let labels = [true, false, true, true, false, true, false, false]

    @Test func aucOfPerfectReversedAndTiedRankings() {
        let labels = [true, true, false, false, false]
        #expect(ClassifierEvaluation(scores: [5, 4, 3, 2, 1], labels: labels, threshold: 3).auc == 1)
        #expect(ClassifierEvaluation(scores: [1, 2, 3, 4, 5], labels: labels, threshold: 3).auc == 0)
        #expect(ClassifierEvaluation(scores: [7, 7, 7, 7, 7], labels: labels, threshold: 3).auc == 0.5)
    }

    @Test func handExample() {
        let evaluation = ClassifierEvaluation(scores: Self.scores, labels: Self.labels, threshold: 0.5)
        #expect(evaluation.customers == 8 && evaluation.positives == 4)
        // Of 16 positive–negative pairs the positives win 4 + 3.5 + 3 + 2.5 (ties count half).
        #expect(evaluation.auc == 13.0 / 16)
        // Thresholds 0.9, 0.8, 0.6, 0.5 each add a quarter of recall at precision 1, 2/3, 3/4, 4/6;
        // scikit-learn's average_precision_score gives 0.7708333333333333 too.
        #expect(abs(evaluation.prAUC - (1 + 2.0 / 3 + 0.75 + 4.0 / 6) / 4) < 1e-15)
        #expect(abs(evaluation.prAUC - 0.7708333333333333) < 1e-15)
        // Scores of at least 0.5 are predicted positive.
        #expect(evaluation.confusion == ConfusionMatrix(truePositives: 4, falsePositives: 2, trueNegatives: 2, falseNegatives: 0))
        #expect(evaluation.confusion.precision == 4.0 / 6 && evaluation.confusion.recall == 1)
    }

    @Test func decilesCoverEveryCustomerAndLiftOnInformativeScores() {
        var generator = SplitMix64(seed: 10)
        let simulator = LogisticSimulator(intercept: -2, weights: [1.5])
        let (features, labels) = simulator.sample(rows: 10_007, using: &generator)
        let scores = features.values  // the one feature is a monotone score
        let evaluation = ClassifierEvaluation(scores: scores, labels: labels, threshold: 0)
        #expect(evaluation.deciles.map(\.decile) == Array(1...10))
        #expect(evaluation.deciles.reduce(0) { $0 + $1.customers } == 10_007)
        #expect(evaluation.deciles[0].lift > 2 && evaluation.deciles[9].lift < 0.5)
        #expect(evaluation.deciles[0].meanPredicted > evaluation.deciles[9].meanPredicted)
        #expect(evaluation.auc > 0.75 && evaluation.auc < 1)
        let positives = evaluation.deciles.reduce(0.0) { $0 + $1.observedRate * Double($1.customers) }
        #expect(abs(positives - Double(evaluation.positives)) < 1e-6)
    }

    @Test func fewCustomersTiesAndMissingClasses() {
        // 3 customers: deciles hold ranks ⌊(k−1)·3/10⌋ ..< ⌊k·3/10⌋, so 4, 7 and 10 get one each.
        let small = ClassifierEvaluation(scores: [0.2, 0.2, 0.9], labels: [true, false, false], threshold: 0.5)
        #expect(small.deciles.map(\.customers) == [0, 0, 0, 1, 0, 0, 1, 0, 0, 1])
        // The tie at 0.2 is broken by index: customer 0 (positive) ranks above customer 1.
        #expect(small.deciles[6].observedRate == 1 && small.deciles[9].observedRate == 0)
        #expect(small.deciles[3].meanPredicted == 0.9 && small.deciles[3].lift == 0)
        #expect(small.confusion.precision == 0 && small.confusion.recall == 0)

        let noPositives = ClassifierEvaluation(scores: [0.1, 0.2], labels: [false, false], threshold: 0.5)
        #expect(noPositives.auc.isNaN && noPositives.prAUC.isNaN)
        #expect(noPositives.deciles.allSatisfy { $0.lift == 0 })
        #expect(noPositives.confusion == ConfusionMatrix(trueNegatives: 2))
        #expect(noPositives.confusion.precision == 0 && noPositives.confusion.recall == 0)
        let empty = ClassifierEvaluation(scores: [], labels: [], threshold: 0.5)
        #expect(empty.customers == 0 && empty.auc.isNaN && empty.deciles.count == 10)
    }
}
