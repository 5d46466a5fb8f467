import CLVProto

/// A churn-risk model and its validation as `clv churn train` and `clv churn report` print it.
struct ChurnModelReport: Encodable {
    struct Metrics: Encodable {
        struct Confusion: Encodable {
            let truePositives: UInt64
            let falsePositives: UInt64
            let trueNegatives: UInt64
            let falseNegatives: UInt64
        }
        struct DecileRow: Encodable {
            let decile: UInt32
            let customers: UInt64
            let meanPredicted: Double
            let observedRate: Double
            let lift: Double
        }
        /// "churn_model", "one_minus_p_alive" or "recency".
        let scorer: String
        let auc: Double
        let prAuc: Double
        let threshold: Double
        let precision: Double
        let recall: Double
        let confusion: Confusion
        let deciles: [DecileRow]

        init(_ metrics: ClassifierMetrics) {
            scorer = metrics.scorer
            auc = metrics.auc
            prAuc = metrics.prAUC
            threshold = metrics.threshold
            precision = metrics.precision
            recall = metrics.recall
            let matrix = metrics.confusion ?? ConfusionMatrix()
            confusion = Confusion(
                truePositives: matrix.truePositives, falsePositives: matrix.falsePositives, trueNegatives: matrix.trueNegatives,
                falseNegatives: matrix.falseNegatives)
            deciles = metrics.deciles.map {
                DecileRow(decile: $0.decile, customers: $0.customers, meanPredicted: $0.meanPredicted, observedRate: $0.observedRate, lift: $0.lift)
            }
        }
    }
    struct CoefficientRow: Encodable {
        let feature: String
        let description: String
        /// Per standard deviation of the feature.
        let weight: Double
        /// Per unit of the feature.
        let rawWeight: Double
    }
    let modelId: UInt64
    let windowDays: UInt32
    let trainCutoff: String
    let validateCutoff: String
    let l2: Double
    let trainCustomers: UInt64
    let validateCustomers: UInt64
    let trainChurnRate: Double
    let validateChurnRate: Double
    let iterations: UInt32
    let converged: Bool
    let intercept: Double
    let coefficients: [CoefficientRow]
    let metrics: [Metrics]
    let valuationRunId: Int64
    let scoredCustomers: UInt64
    let scoredAsOf: String
    let trainSeconds: Double
    let seconds: Double

    init(_ model: ChurnModel) {
        modelId = model.modelID
        windowDays = model.windowDays
        trainCutoff = model.trainCutoff
        validateCutoff = model.validateCutoff
        l2 = model.l2
        trainCustomers = model.trainCustomers
        validateCustomers = model.validateCustomers
        trainChurnRate = model.trainChurnRate
        validateChurnRate = model.validateChurnRate
        iterations = model.iterations
        converged = model.converged
        intercept = model.intercept
        coefficients = model.coefficients.map {
            CoefficientRow(feature: $0.feature, description: $0.description, weight: $0.weight, rawWeight: $0.rawWeight)
        }
        metrics = model.metrics.map(Metrics.init)
        valuationRunId = model.valuationRunID
        scoredCustomers = model.scoredCustomers
        scoredAsOf = model.scoredAsOf
        trainSeconds = model.trainSeconds
        seconds = model.seconds
    }
}
