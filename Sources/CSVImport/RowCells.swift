import CLVProto
import Foundation
import Ingestion

/// The cells of one row, read by column index, with the parsing every mapper shares.
///
/// An empty cell, or a column the file does not have, is an absent value.
public struct RowCells: Sendable {
    public let cells: [String]
    public let formats: ValueFormats

    public init(_ cells: [String], formats: ValueFormats = ValueFormats()) {
        self.cells = cells
        self.formats = formats
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

    /// A code such as a market (`fr` is FR), upper case.
    public func code(_ index: Int?) -> String? {
        token(index)?.uppercased()
    }

    /// The cell at `index`, which must not be empty.
    public func required(_ index: Int?, field: String) throws(FieldProblem) -> String {
        guard let value = text(index) else { throw FieldProblem(field: field, reason: "is required") }
        return value
    }

    /// An instant in the file's time format (see `Timestamp.unixMilliseconds(parsing:)`).
    public func instant(_ index: Int?, field: String) throws(FieldProblem) -> Int64 {
        guard let value = token(index) else { throw FieldProblem(field: field, reason: "is required") }
        guard let milliseconds = formats.time.unixMilliseconds(parsing: value) else {
            let hint = formats.time.format == .iso && value.contains("/") ? "; pass --time-format dd/mm/yyyy or mm/dd/yyyy" : ""
            throw FieldProblem(
                field: field, reason: "'\(value)' is not an instant; use \(formats.time.format.example)\(hint)")
        }
        return milliseconds
    }

    /// A calendar day as `YYYY-MM-DD` (a time's day is its day as written), or nil when empty.
    public func day(_ index: Int?, field: String) throws(FieldProblem) -> String? {
        guard let value = token(index) else { return nil }
        guard let day = formats.time.day(parsing: value) else {
            throw FieldProblem(field: field, reason: "'\(value)' is not a day; use \(formats.time.format.example)")
        }
        return day
    }

    /// An ISO 4217 code the currency catalogue knows (in any case; upper case out), or nil when
    /// the cell is empty.
    public func currency(_ index: Int?, field: String) throws(FieldProblem) -> String? {
        guard let code = code(index) else { return nil }
        guard CurrencyCatalog.isKnown(code) else {
            throw FieldProblem(field: field, reason: "unknown currency '\(token(index)!)'")
        }
        return code
    }

    /// Money from a decimal column (`major`) or an integer minor-units column (`minor`), in
    /// `currency`; nil when both cells are empty. A decimal amount may carry the currency's
    /// symbol or code and group its thousands (see `AmountText`).
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
            let plain = try AmountText.plain(majorText, currency: currency, decimalComma: formats.decimalComma, field: major.field)
            do {
                return Money(minorUnits: try DecimalAmount.minorUnits(plain, currency: currency, field: major.field), currency: currency)
            } catch {
                // Name the cell as written, not its plain form.
                throw FieldProblem(
                    field: error.field, reason: error.reason.replacingFirst("'\(plain)'", with: "'\(majorText)'"))
            }
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

extension String {
    /// The text with the first `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
