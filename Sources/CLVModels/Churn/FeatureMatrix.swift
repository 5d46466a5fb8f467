/// Row-major features, one row per customer.
///
/// One flat array rather than an array of rows: a fit sweeps every row several times, and
/// contiguous rows keep that sweep a single stream through memory.
public struct FeatureMatrix: Sendable {
    /// Features per row.
    public let columns: Int
    /// All rows, one after another: `rows * columns` values.
    public private(set) var values: [Double]
    /// Rows (customers); stored because a matrix of 0 columns can still have rows of nothing.
    public private(set) var rows: Int

    /// A matrix of `columns` features per row, starting from `values` (a whole number of rows).
    public init(columns: Int, values: [Double] = []) {
        precondition(columns >= 0, "FeatureMatrix: negative column count \(columns)")
        precondition(columns > 0 ? values.count % columns == 0 : values.isEmpty,
                     "FeatureMatrix: \(values.count) values are not whole rows of \(columns)")
        self.columns = columns
        self.values = values
        rows = columns > 0 ? values.count / columns : 0
    }

    /// Adds one row; it must have exactly `columns` values.
    public mutating func append(_ row: [Double]) {
        precondition(row.count == columns, "FeatureMatrix: a row of \(row.count) values in a matrix of \(columns) columns")
        values.append(contentsOf: row)
        rows += 1
    }

    /// Makes room for `n` more rows, so that appending them does not reallocate.
    public mutating func reserveRows(_ n: Int) {
        values.reserveCapacity(values.count + max(0, n) * columns)
    }

    /// The features of row `row`.
    public subscript(row: Int) -> ArraySlice<Double> {
        precondition(row >= 0 && row < rows, "FeatureMatrix: row \(row) out of 0..<\(rows)")
        return values[(row * columns)..<((row + 1) * columns)]
    }
}
