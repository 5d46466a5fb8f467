import CLVProto
import Ingestion
import Testing

/// An exchange rate that breaks one validation rule, and the field its rejection must name.
struct RateValidationCase: Sendable, CustomTestStringConvertible {
    let name: String
    let field: String
    let rate: ExchangeRate

    var testDescription: String { name }

    init(_ name: String, field: String, currency: String = "USD", date: String = "2026-03-02", rate: String = "1.0842") {
        self.name = name
        self.field = field
        self.rate = ExchangeRate(currency: currency, date: date, rate: rate)
    }

    static let all: [RateValidationCase] = [
        RateValidationCase("unknown currency", field: "currency", currency: "USX"),
        RateValidationCase("lower-case currency", field: "currency", currency: "usd"),
        RateValidationCase("empty currency", field: "currency", currency: ""),
        RateValidationCase("the base currency", field: "currency", currency: "EUR"),
        RateValidationCase("empty date", field: "date", date: ""),
        RateValidationCase("month 13", field: "date", date: "2026-13-01"),
        RateValidationCase("30 February", field: "date", date: "2026-02-30"),
        RateValidationCase("date with a time", field: "date", date: "2026-03-02T00:00"),
        RateValidationCase("date not ISO", field: "date", date: "02/03/2026"),
        RateValidationCase(
            "date in three days", field: "date",
            date: CalendarDay(unixMilliseconds: WallClock.nowMilliseconds + 72 * WallClock.hour).text),
        RateValidationCase("zero rate", field: "rate", rate: "0"),
        RateValidationCase("zero rate with decimals", field: "rate", rate: "0.000"),
        RateValidationCase("negative rate", field: "rate", rate: "-1.08"),
        RateValidationCase("empty rate", field: "rate", rate: ""),
        RateValidationCase("rate with a comma", field: "rate", rate: "1,08"),
        RateValidationCase("rate with an exponent", field: "rate", rate: "1e3"),
        RateValidationCase("rate that is not a number", field: "rate", rate: "abc"),
        RateValidationCase("rate with 13 decimals", field: "rate", rate: "0.0000000000001"),
        RateValidationCase("rate with 19 digits", field: "rate", rate: "1234567890.123456789"),
    ]
}
