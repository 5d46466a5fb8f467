import CLVProto

/// `rates` rows: currency, date, rate (decimal text: base-currency units per unit of `currency`).
/// The date is read in the file's time format and sent as YYYY-MM-DD; with `--decimal-comma` the
/// rate's comma becomes a point. The service validates both.
public struct ExchangeRateRowMapper: RowMapper {
    private let currency, date, rate: Int?

    public init(layout: ColumnLayout) {
        currency = layout.index(of: "currency")
        date = layout.index(of: "date")
        rate = layout.index(of: "rate")
    }

    public func record(from row: RowCells) throws(RowProblems) -> ExchangeRate {
        var problems = ProblemCollector()
        let code = problems.check { () throws(FieldProblem) in try row.currency(self.currency, field: "currency") } ?? nil
        if code == nil && row.token(currency) == nil { problems.add(FieldProblem(field: "currency", reason: "is required")) }
        let day = problems.check { () throws(FieldProblem) in try row.day(self.date, field: "date") } ?? nil
        if day == nil && row.token(date) == nil { problems.add(FieldProblem(field: "date", reason: "is required")) }
        var value = row.token(rate)
        if value == nil { problems.add(FieldProblem(field: "rate", reason: "is required")) }
        if row.formats.decimalComma { value = value.map { String($0.map { $0 == "," ? "." : $0 }) } }
        try problems.finish()
        return ExchangeRate(currency: code!, date: day!, rate: value!)
    }
}
