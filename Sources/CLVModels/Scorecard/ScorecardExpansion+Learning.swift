extension ScorecardExpansion {
    /// The expansion learned from training rows: each feature's quantile bins (at most
    /// `maximumBins`), and for each pair in `crosses` both features' bins at most `crossBins`
    /// each (a pair with a feature constant on the training rows is left out).
    ///
    /// A feature is left out of the mains when its bins are a single one (it is constant on the
    /// training rows) or sort the training rows into the same classes as an earlier feature's
    /// (a monotone transform of it, such as ln(1 + x) of x): its columns would repeat that
    /// feature's, splitting one effect over two names. Features must be finite.
    ///
    /// Bins are learned from an evenly spaced sample of at most `sampleRows` rows, as
    /// scikit-learn's histogram gradient boosting bins its features: quantiles of 200,000 rows
    /// are within a fraction of a percent of all a million's, at a fifth of the passes.
    public static func learn(
        _ features: FeatureMatrix, maximumBins: Int, crossBins: Int, crosses: [(first: Int, second: Int)]
    ) -> ScorecardExpansion {
        let columns = features.columns
        let stride = max(1, (features.rows + sampleRows - 1) / sampleRows)
        precondition(crosses.allSatisfy { $0.first != $0.second && max($0.first, $0.second) < columns && min($0.first, $0.second) >= 0 },
                     "ScorecardExpansion: a cross of a feature with itself or out of 0..<\(columns)")
        // Per feature: its bins and each training row's bin, the features split over the cores.
        let learned = ComputeThreads.chunks(count: columns) { range in
            range.map { feature -> (bins: FeatureBins, classes: [UInt8]) in
                let values = column(feature, of: features, stride: stride)
                let bins = FeatureBins(learning: values, maximumBins: maximumBins)
                // As `bins.bin`, by a scan of the few edges through a pointer: 200,000 values a feature.
                let classes = bins.edges.withUnsafeBufferPointer { edges in
                    values.map { value in
                        var bin = 0
                        while bin < edges.count, edges[bin] <= value { bin += 1 }
                        return UInt8(truncatingIfNeeded: bin)
                    }
                }
                return (bins, classes)
            }
        }.flatMap { $0 }
        var mains: [Main] = []
        var seen: [Int: [Int]] = [:]
        for (feature, (bins, classes)) in learned.enumerated() where bins.count > 1 {
            let key = classes.hashValue
            if seen[key, default: []].contains(where: { learned[$0].classes == classes }) { continue }
            seen[key, default: []].append(feature)
            mains.append(Main(feature: feature, bins: bins))
        }
        // A cross with a constant side would only repeat the other side's (coarser) main.
        let crossed = crosses.compactMap { pair -> Cross? in
            let first = FeatureBins(learning: column(pair.first, of: features, stride: stride), maximumBins: crossBins)
            let second = FeatureBins(learning: column(pair.second, of: features, stride: stride), maximumBins: crossBins)
            guard first.count > 1, second.count > 1 else { return nil }
            return Cross(first: Main(feature: pair.first, bins: first), second: Main(feature: pair.second, bins: second))
        }
        return ScorecardExpansion(featureCount: columns, mains: mains, crosses: crossed)
    }

    /// Rows the bins are learned from, at most.
    public static let sampleRows = 200_000

    /// Feature `feature` of every `stride`-th row.
    private static func column(_ feature: Int, of features: FeatureMatrix, stride: Int) -> [Double] {
        features.values.withUnsafeBufferPointer { x in
            Swift.stride(from: 0, to: features.rows, by: stride).map { x[$0 * features.columns + feature] }
        }
    }
}
