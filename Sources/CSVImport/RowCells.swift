import CLVProto
import Ingestion

/// The cells of one row, read by column index, with the parsing every mapper shares.
///
/// An empty cell, or a column the file does not have, is an absent value.
public struct RowCells: Sendable {
    public let cells: [String]

    public init(_ cells: [String]) {
        self.cells = cells
    }

    /// The cell at `index`, or nil when the column is absent or the cell is empty.
    public func text(_ index: Int?) -> String? {
        guard let index, index < cells.count, !cells[index].isEmpty else { return nil }
        return cells[index]
    }

    /// Like `text`, without surrounding spaces: for numbers, codes, names and times.
    public func token(_ index: Int?) -> String? {
        guard let value = text(index)?.trimmingASCIISpaces, !value.isEmpty else { return nil }
        return value
    }

    /// The cell at `index`, which must not be empty.
    public func required(_ index: Int?, field: String) throws(FieldProblem) -> String {
        guard let value = text(index) else { throw FieldProblem(field: field, reason: "is required") }
        return value
    }

    /// An instant: see `Timestamp.unixMilliseconds(parsing:)`.
    public func instant(_ index: Int?, field: String) throws(FieldProblem) -> Int64 {
        guard let value = token(index) else { throw FieldProblem(field: field, reason: "is required") }
        guard let milliseconds = Timestamp.unixMilliseconds(parsing: value) else {
            throw FieldProblem(
                field: field,
                reason: "'\(value)' is not an instant; use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS[.fff] with Z or ±HH:MM")
        }
        return milliseconds
    }

    /// An ISO 4217 code the currency catalogue knows (upper case), or nil when the cell is empty.
    public func currency(_ index: Int?, field: String) throws(FieldProblem) -> String? {
        guard let code = token(index) else { return nil }
        guard CurrencyCatalog.isKnown(code) else {
            let hint = CurrencyCatalog.isKnown(code.uppercased()) ? " (codes are upper case: \(code.uppercased()))" : ""
            throw FieldProblem(field: field, reason: "unknown currency '\(code)'\(hint)")
        }
        return code
    }

    /// Money from a decimal column (`major`) or an integer minor-units column (`minor`), in
    /// `currency`; nil when both cells are empty.
    public func money(
        major: (index: Int?, field: String), minor: (index: Int?, field: String),
        currency: String?, currencyField: String
    ) throws(FieldProblem) -> Money? {
        let majorText = token(major.index)
        let minorText = token(minor.index)
        guard majorText != nil || minorText != nil else { return nil }
        guard let currency else {
            throw FieldProblem(field: currencyField, reason: "is required with \(majorText != nil ? major.field : minor.field)")
        }
        if let majorText {
            return Money(minorUnits: try DecimalAmount.minorUnits(majorText, currency: currency, field: major.field), currency: currency)
        }
        return Money(minorUnits: try DecimalAmount.integerMinorUnits(minorText!, field: minor.field), currency: currency)
    }

    /// The `attr.NAME` cells that are not empty.
    public func attributes(_ columns: [(name: String, index: Int)]) -> [String: String] {
        var attributes: [String: String] = [:]
        for column in columns {
            if let value = text(column.index) { attributes[column.name] = value }
        }
        return attributes
    }
}
