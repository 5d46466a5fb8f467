import CLVProto

/// `rates` rows: currency, date (YYYY-MM-DD), rate (decimal text: base-currency units per unit
/// of `currency`). The date and rate pass through as text; the service validates them.
public struct ExchangeRateRowMapper: RowMapper {
    private let currency, date, rate: Int?

    public init(layout: ColumnLayout) {
        currency = layout.index(of: "currency")
        date = layout.index(of: "date")
        rate = layout.index(of: "rate")
    }

    public func record(from row: RowCells) throws(FieldProblem) -> ExchangeRate {
        guard let code = try row.currency(currency, field: "currency") else {
            throw FieldProblem(field: "currency", reason: "is required")
        }
        guard let day = row.token(date) else { throw FieldProblem(field: "date", reason: "is required") }
        guard let value = row.token(rate) else { throw FieldProblem(field: "rate", reason: "is required") }
        return ExchangeRate(currency: code, date: day, rate: value)
    }
}
