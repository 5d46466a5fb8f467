/// Each feature's training mean and standard deviation, measured in one parallel pass that also
/// finds the first non-finite value.
struct FeatureScaling: Sendable {
    var means: [Double]
    /// Population standard deviations (as scikit-learn's `StandardScaler`), 1 for constant columns.
    var scales: [Double]

    /// One chunk's running moments (Welford), merged by Chan et al.'s pairwise formula: stable
    /// where Σx² − (Σx)²/n would cancel for features with large means.
    private struct Moments: Sendable {
        var count = 0.0
        var means: [Double]
        var squaredDeviations: [Double]
        var firstNonFinite: Int?
    }

    init(means: [Double], scales: [Double]) {
        self.means = means
        self.scales = scales
    }

    /// Measures the rows of `features`; throws for a value that is infinite or NaN.
    init(_ features: FeatureMatrix) throws(ModelError) {
        let columns = features.columns
        let chunks = ComputeThreads.chunks(count: features.rows, minimumCount: ParallelSum.minimumParallelCount) { range in
            var moments = Moments(means: Array(repeating: 0, count: columns), squaredDeviations: Array(repeating: 0, count: columns))
            features.values.withUnsafeBufferPointer { x in
                for row in range {
                    moments.count += 1
                    let share = 1 / moments.count
                    for column in 0..<columns {
                        let value = x[row * columns + column]
                        if !value.isFinite, moments.firstNonFinite == nil { moments.firstNonFinite = row * columns + column }
                        let delta = value - moments.means[column]
                        moments.means[column] += delta * share
                        moments.squaredDeviations[column] += delta * (value - moments.means[column])
                    }
                }
            }
            return moments
        }
        if let bad = chunks.lazy.compactMap(\.firstNonFinite).first {
            throw .invalidInput("row \(bad / columns), column \(bad % columns) is \(features.values[bad]), not a finite number")
        }
        var total = Moments(means: Array(repeating: 0, count: columns), squaredDeviations: Array(repeating: 0, count: columns))
        for chunk in chunks where chunk.count > 0 {
            let count = total.count + chunk.count
            for column in 0..<columns {
                let delta = chunk.means[column] - total.means[column]
                total.means[column] += delta * chunk.count / count
                total.squaredDeviations[column] += chunk.squaredDeviations[column] + delta * delta * total.count * chunk.count / count
            }
            total.count = count
        }
        means = total.means
        scales = zip(total.squaredDeviations, total.means).map { squaredDeviations, mean in
            let deviation = (squaredDeviations / max(total.count, 1)).squareRoot()
            // Constant up to rounding: scaling by it would blow rounding noise up to unit size.
            return deviation <= 10 * .ulpOfOne * abs(mean) || deviation == 0 ? 1 : deviation
        }
    }
}
