/// How well predicted repeat purchases in a holdout period matched what customers did.
public struct HoldoutEvaluation: Sendable, Equatable, Codable {
    /// One row of the calibration-versus-holdout table: customers grouped by how many repeat
    /// purchases they made in calibration.
    public struct FrequencyRow: Sendable, Equatable, Codable {
        /// Calibration frequency; the last row holds this frequency and above.
        public let calibrationFrequency: Int
        public let andAbove: Bool
        public let customers: Int
        public let meanPredicted: Double
        public let meanActual: Double
    }

    public let customers: Int
    public let meanAbsoluteError: Double
    public let rootMeanSquaredError: Double
    public let totalPredicted: Double
    public let totalActual: Double
    public let byCalibrationFrequency: [FrequencyRow]
    /// Mean absolute percentage error of the cumulative aggregate, period by period (the
    /// tracking plot); nil without a per-period series.
    public let aggregateMAPE: Double?

    /// - Parameters:
    ///   - predicted / actual / calibrationFrequency: per customer, the same order.
    ///   - frequencyRows: the table has rows 0 … frequencyRows−1 and a last row for the rest.
    ///   - cumulativePredicted / cumulativeActual: all customers' purchases from the holdout's
    ///     start to the end of each period.
    public init(
        predicted: [Double], actual: [Double], calibrationFrequency: [Int], frequencyRows: Int = 7,
        cumulativePredicted: [Double] = [], cumulativeActual: [Double] = []
    ) {
        precondition(predicted.count == actual.count && actual.count == calibrationFrequency.count)
        customers = predicted.count
        var absolute = 0.0
        var squared = 0.0
        for (p, a) in zip(predicted, actual) {
            absolute += abs(p - a)
            squared += (p - a) * (p - a)
        }
        let n = Double(max(customers, 1))
        meanAbsoluteError = absolute / n
        rootMeanSquaredError = (squared / n).squareRoot()
        totalPredicted = predicted.reduce(0, +)
        totalActual = actual.reduce(0, +)

        let rows = max(frequencyRows, 1)
        var counts = Array(repeating: 0, count: rows)
        var predictedSums = Array(repeating: 0.0, count: rows)
        var actualSums = Array(repeating: 0.0, count: rows)
        for index in predicted.indices {
            let row = min(calibrationFrequency[index], rows - 1)
            counts[row] += 1
            predictedSums[row] += predicted[index]
            actualSums[row] += actual[index]
        }
        byCalibrationFrequency = (0..<rows).compactMap { row in
            guard counts[row] > 0 else { return nil }
            return FrequencyRow(
                calibrationFrequency: row, andAbove: row == rows - 1, customers: counts[row],
                meanPredicted: predictedSums[row] / Double(counts[row]), meanActual: actualSums[row] / Double(counts[row]))
        }
        let pairs = zip(cumulativePredicted, cumulativeActual).filter { $0.1 > 0 }
        aggregateMAPE = pairs.isEmpty ? nil : pairs.reduce(0.0) { $0 + abs($1.0 - $1.1) / $1.1 } / Double(pairs.count)
    }
}
