import CLVProto

/// Checks one exchange rate on its own.
struct RateValidator: Sendable {
    let now: Int64
    let base: String

    func validate(_ rate: ExchangeRate, index: Int) -> Result<ValidRate, RecordProblem> {
        if case .failure(let problem) = FieldRules.currency(rate.currency, field: "currency") { return .failure(problem) }
        if rate.currency == base {
            return .failure(.invalid("currency", "\(base) is the base currency; its rate is always 1"))
        }
        guard let day = CalendarDay(parsing: rate.date) else {
            return .failure(.invalid("date", "date '\(rate.date)' is not a date YYYY-MM-DD"))
        }
        if day > CalendarDay(unixMilliseconds: now + IngestionLimits.futureToleranceMilliseconds) {
            return .failure(.invalid("date", "date \(day.text) is in the future"))
        }
        switch DecimalRate.parse(rate.rate) {
        case .failure(let error): return .failure(.invalid("rate", error.reason))
        case .success(let value): return .success(ValidRate(index: index, currency: rate.currency, day: day, rate: value))
        }
    }
}
