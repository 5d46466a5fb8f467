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
    }

    /// Two features' bins, crossed: one column per pair of bins.
    public struct Cross: Sendable, Hashable, Codable {
        public var first: Main
        public var second: Main
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

    /// The expanded design of `features`, the rows split over the cores.
    public func design(_ features: FeatureMatrix) -> BinnedDesign {
        let expansion = self
        let width = termsPerRow
        let parts = ComputeThreads.chunks(count: features.rows, minimumCount: ParallelSum.minimumParallelCount) { range in
            [UInt16](unsafeUninitializedCapacity: range.count * width) { buffer, initialized in
                for (offset, row) in range.enumerated() {
                    expansion.activeColumns(features[row], into: UnsafeMutableBufferPointer(rebasing: buffer[(offset * width)..<((offset + 1) * width)]))
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
