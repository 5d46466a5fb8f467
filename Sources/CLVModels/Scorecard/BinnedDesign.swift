/// A sparse 0/1 design in which every row has the same number of active columns, each stored as
/// its index: the shape of a `ScorecardExpansion`'s output.
///
/// A row's value in column j is 1 when j is among its active columns and 0 otherwise, so a
/// product with a vector is a sum of the entries at the row's columns. 16-bit indices halve the
/// bytes each pass of a fit streams against 32-bit ones.
public struct BinnedDesign: Sendable {
    /// Columns of the design.
    public let columnCount: Int
    /// Active columns per row.
    public let termsPerRow: Int
    /// Each row's active columns, one row after another.
    public let columns: [UInt16]

    /// A design from its rows' active columns, `termsPerRow` per row, each below `columnCount`.
    public init(columnCount: Int, termsPerRow: Int, columns: [UInt16]) {
        precondition(columnCount <= Int(UInt16.max) + 1, "BinnedDesign: \(columnCount) columns do not fit 16-bit indices")
        precondition(termsPerRow > 0 ? columns.count % termsPerRow == 0 : columns.isEmpty,
                     "BinnedDesign: \(columns.count) indices are not whole rows of \(termsPerRow)")
        self.columnCount = columnCount
        self.termsPerRow = termsPerRow
        self.columns = columns
    }

    /// Rows of the design.
    public var rows: Int { termsPerRow > 0 ? columns.count / termsPerRow : 0 }

    /// How many rows have each column active.
    public func columnCounts() -> [Int] {
        var counts = [Int](repeating: 0, count: columnCount)
        for column in columns { counts[Int(column)] += 1 }
        return counts
    }
}
