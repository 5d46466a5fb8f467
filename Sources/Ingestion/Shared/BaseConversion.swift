/// Converts amounts to the base currency with the rate of their day.
struct BaseConversion: Sendable {
    let base: String
    let baseDigits: Int
    let rates: [RateKey: DecimalRate]

    /// The rate keys `currencies` on `days` need: none for the base currency itself.
    static func keys(_ amounts: some Sequence<(currency: String, day: CalendarDay)>, base: String) -> Set<RateKey> {
        Set(amounts.lazy.filter { $0.currency != base }.map { RateKey(currency: $0.currency, day: $0.day) })
    }

    /// `minorUnits` of `currency` on `day` in base-currency minor units.
    func convert(_ minorUnits: Int64, currency: String, digits: Int, on day: CalendarDay, field: String) -> Result<Int64, RecordProblem> {
        if currency == base { return .success(minorUnits) }
        guard let rate = rates[RateKey(currency: currency, day: day)] else {
            return .failure(
                .precondition(
                    field, "no exchange rate for \(currency) on \(day.text) (to \(base)); send it with UpsertExchangeRates first"))
        }
        guard let converted = BaseAmount.convert(minorUnits: minorUnits, fromDigits: digits, rate: rate, toDigits: baseDigits),
            converted.magnitude <= IngestionLimits.maximumMinorUnits.magnitude
        else {
            return .failure(
                .invalid(
                    field,
                    "amount converted to \(base) is beyond the bounds of ±\(IngestionLimits.maximumMinorUnits) minor units"))
        }
        return .success(converted)
    }
}
