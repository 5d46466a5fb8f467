/// The scorecard basis of a feature row: each feature's quantile bin as a one-hot column
/// ("main" terms), and for a few chosen pairs of features the cell of their coarser bins
/// ("cross" terms). A row therefore has exactly one active column per main and per cross, which
/// is what lets a linear model bend each feature and see the pairs' interactions while its
/// design stays sparse.
///
/// Columns: the mains' bins in order, then each cross's cells (first feature's bin major).
public struct ScorecardExpansion: Sendable, Hashable, Codable {
    /// One feature's bins.
    public struct Main: Sendable, Hashable, Codable {
        /// Index of the feature in the input rows.
        public var feature: Int
        public var bins: FeatureBins

        public init(feature: Int, bins: FeatureBins) {
            self.feature = feature
            self.bins = bins
        }
    }

    /// Two features' bins, crossed: one column per pair of bins.
    public struct Cross: Sendable, Hashable, Codable {
        public var first: Main
        public var second: Main

        public init(first: Main, second: Main) {
            self.first = first
            self.second = second
        }
    }

    /// Features per input row.
    public var featureCount: Int
    public var mains: [Main]
    public var crosses: [Cross]
    /// First column of each main, then of each cross; the last entry is the column count.
    public private(set) var offsets: [Int]

    /// An expansion from its parts; every feature index must be below `featureCount`.
    public init(featureCount: Int, mains: [Main], crosses: [Cross]) {
        let used = mains.map(\.feature) + crosses.flatMap { [$0.first.feature, $0.second.feature] }
        precondition(used.allSatisfy { $0 >= 0 && $0 < featureCount }, "ScorecardExpansion: a feature index out of 0..<\(featureCount)")
        self.featureCount = featureCount
        self.mains = mains
        self.crosses = crosses
        let widths = mains.map(\.bins.count) + crosses.map { $0.first.bins.count * $0.second.bins.count }
        offsets = widths.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1) }
    }

    /// Columns of the expanded design.
    public var columnCount: Int { offsets[offsets.count - 1] }

    /// Active columns per row: one per main and one per cross.
    public var termsPerRow: Int { mains.count + crosses.count }

    /// The active columns of `row`, ascending, into `columns[0..<termsPerRow]`.
    @inlinable
    public func activeColumns(_ row: ArraySlice<Double>, into columns: UnsafeMutableBufferPointer<UInt16>) {
        precondition(row.count == featureCount, "ScorecardExpansion: a row of \(row.count) features for \(featureCount)")
        let base = row.startIndex
        for (index, main) in mains.enumerated() {
            columns[index] = UInt16(truncatingIfNeeded: offsets[index] + main.bins.bin(row[base + main.feature]))
        }
        for (index, cross) in crosses.enumerated() {
            let cell = cross.first.bins.bin(row[base + cross.first.feature]) * cross.second.bins.count
                + cross.second.bins.bin(row[base + cross.second.feature])
            columns[mains.count + index] = UInt16(truncatingIfNeeded: offsets[mains.count + index] + cell)
        }
    }

    /// The expanded design of `features`, the rows split over the cores: `activeColumns` of
    /// every row, from flat copies of the bins (a million rows bin some fifty values each).
    public func design(_ features: FeatureMatrix) -> BinnedDesign {
        precondition(features.columns == featureCount, "ScorecardExpansion: rows of \(features.columns) features for \(featureCount)")
        // Slots: each main, then each cross's first and second; their edges one after another.
        let slots = mains + crosses.flatMap { [$0.first, $0.second] }
        let slotFeatures = slots.map(\.feature)
        let edgeStarts = slots.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.bins.edges.count) }
        let edges = slots.flatMap(\.bins.edges)
        let secondCounts = crosses.map(\.second.bins.count)
        let offsets = offsets, mainCount = mains.count, width = termsPerRow, d = featureCount
        let parts = ComputeThreads.chunks(count: features.rows, minimumCount: ParallelSum.minimumParallelCount) { range in
            [UInt16](unsafeUninitializedCapacity: range.count * width) { out, initialized in
                features.values.withUnsafeBufferPointer { x in
                    edges.withUnsafeBufferPointer { e in
                        for (position, row) in range.enumerated() {
                            let base = row * d, first = position * width
                            // Edges at or below the value: its bin (a NaN is below every edge).
                            func bin(_ slot: Int) -> Int {
                                let value = x[base + slotFeatures[slot]]
                                var k = edgeStarts[slot]
                                let end = edgeStarts[slot + 1]
                                while k < end, e[k] <= value { k += 1 }
                                return k - edgeStarts[slot]
                            }
                            for main in 0..<mainCount { out[first + main] = UInt16(truncatingIfNeeded: offsets[main] + bin(main)) }
                            for cross in 0..<(width - mainCount) {
                                let slot = mainCount + 2 * cross
                                let cell = bin(slot) * secondCounts[cross] + bin(slot + 1)
                                out[first + mainCount + cross] = UInt16(truncatingIfNeeded: offsets[mainCount + cross] + cell)
                            }
                        }
                    }
                }
                initialized = range.count * width
            }
        }
        return BinnedDesign(columnCount: columnCount, termsPerRow: width, columns: parts.count == 1 ? parts[0] : parts.flatMap { $0 })
    }

    /// What column `column` stands for: one bin of a feature, or one cell of a cross.
    public func term(_ column: Int) -> ScorecardTerm {
        precondition(column >= 0 && column < columnCount, "ScorecardExpansion: column \(column) out of 0..<\(columnCount)")
        var part = 0
        while offsets[part + 1] <= column { part += 1 }
        let local = column - offsets[part]
        if part < mains.count {
            return ScorecardTerm(conditions: [.init(mains[part], bin: local)])
        }
        let cross = crosses[part - mains.count]
        return ScorecardTerm(conditions: [
            .init(cross.first, bin: local / cross.second.bins.count), .init(cross.second, bin: local % cross.second.bins.count),
        ])
    }
}
