import CLVProto
import CSVImport
import Foundation
import Testing

/// Values as real exports write them: times with offsets and zones, epoch and day-first dates,
/// amounts with symbols and grouping, codes in any case, every problem of a row at once.
@Suite struct ExportFormatTests {
    private func order(_ row: String, formats: ValueFormats = ValueFormats()) throws -> Result<Order, RowProblems> {
        let source = try CSVRowSource(text: "order_id,customer_id,placed_at,amount,currency\n" + row)
        let layout = try ColumnLayout(header: source.header, kind: .orders)
        let cells = try #require(try source.next()).cells
        return Result { () throws(RowProblems) in try OrderRowMapper(layout: layout).record(from: RowCells(cells, formats: formats)) }
    }

    private func reasons(_ result: Result<Order, RowProblems>) -> [String] {
        guard case .failure(let problems) = result else { return [] }
        return problems.problems.map { "\($0.field): \($0.reason)" }
    }

    @Test(arguments: [
        ("2024-03-05T10:20:30+0100", Int64(1_709_630_430_000)),
        ("2024-03-05 10:20:30 +0100", 1_709_630_430_000),
        ("2024-03-05 10:20:30 -05:00", 1_709_652_030_000),
        ("2024-03-05T10:20:30+01", 1_709_630_430_000),
        ("2024-03-05 10:20", 1_709_634_000_000),
        ("2024-03-05T10:20:30", 1_709_634_030_000),
    ])
    func isoTimesWithAnyOffsetSpelling(text: String, milliseconds: Int64) {
        #expect(Timestamp().unixMilliseconds(parsing: text) == milliseconds)
    }

    @Test func timesWithoutAnOffsetAreReadInTheTimezone() throws {
        let berlin = Timestamp(zone: try #require(TimeZone(identifier: "Europe/Berlin")))
        #expect(berlin.unixMilliseconds(parsing: "2024-03-05 10:20:30") == 1_709_630_430_000)  // CET, +01:00
        #expect(berlin.unixMilliseconds(parsing: "2024-07-05 10:20:30") == 1_720_167_630_000)  // CEST, +02:00
        #expect(berlin.unixMilliseconds(parsing: "2024-03-05") == 1_709_593_200_000)  // midnight in Berlin
        #expect(berlin.unixMilliseconds(parsing: "2024-03-05 10:20:30Z") == 1_709_634_030_000)  // an offset wins
    }

    @Test func otherTimeFormats() throws {
        #expect(Timestamp(format: .epochMilliseconds).unixMilliseconds(parsing: "1709634030123") == 1_709_634_030_123)
        #expect(Timestamp(format: .epochSeconds).unixMilliseconds(parsing: "1709634030") == 1_709_634_030_000)
        #expect(Timestamp(format: .epochSeconds).unixMilliseconds(parsing: "1709634030.5") == 1_709_634_030_500)
        #expect(Timestamp(format: .dayMonthYear).unixMilliseconds(parsing: "05/03/2024") == 1_709_596_800_000)
        #expect(Timestamp(format: .dayMonthYear).unixMilliseconds(parsing: "5/3/2024 10:20:30") == 1_709_634_030_000)
        #expect(Timestamp(format: .monthDayYear).unixMilliseconds(parsing: "03/05/2024 10:20") == 1_709_634_000_000)
        #expect(Timestamp(format: .dayMonthYear).unixMilliseconds(parsing: "31/02/2024") == nil)
        #expect(Timestamp(format: .dayMonthYear).day(parsing: "05/03/2024") == "2024-03-05")
        #expect(Timestamp(format: .dayMonthYear).unixMilliseconds(parsing: "2024-03-05") == nil)
        #expect(Timestamp(format: .epochMilliseconds).unixMilliseconds(parsing: "2024-03-05") == nil)
    }

    @Test(arguments: [
        ("$120.00", "USD", Int64(12000)), ("120.00 EUR", "EUR", 12000), ("120.00 eur", "EUR", 12000),
        ("$1,234.50", "USD", 123_450), ("1,234,567.89", "EUR", 123_456_789), ("CHF 1'234.50", "CHF", 123_450),
        ("£12", "GBP", 1200), ("-$5.00", "USD", -500), ("¥1,200", "JPY", 1200), ("1 234.50", "EUR", 123_450),
        ("C$10.00", "CAD", 1000),
    ])
    func amountsWithSymbolsCodesAndGrouping(text: String, currency: String, minor: Int64) throws {
        let result = try order("o1,c1,2024-03-05,\"\(text)\",\(currency)")
        #expect(try result.get().amount == Money(minorUnits: minor, currency: currency))
    }

    @Test func decimalCommaAmounts() throws {
        let formats = ValueFormats(decimalComma: true)
        #expect(try order("o1,c1,2024-03-05,\"1.234,50\",EUR", formats: formats).get().amount?.minorUnits == 123_450)
        #expect(try order("o1,c1,2024-03-05,\"12,5 €\",EUR", formats: formats).get().amount?.minorUnits == 1250)
        #expect(try order("o1,c1,2024-03-05,\"1 234 567,00\",EUR", formats: formats).get().amount?.minorUnits == 123_456_700)
    }

    /// Today "1.234,50" reads as 1.23450 and is refused for "more decimals than the currency's 2".
    @Test func aDecimalCommaWithoutTheOptionSaysWhichOptionToPass() throws {
        let first = reasons(try order("o1,c1,2024-03-05,\"1.234,50\",EUR"))
        #expect(first.count == 1)
        #expect(first[0].contains("--decimal-comma"))
        #expect(!first[0].contains("more decimals"))
        #expect(reasons(try order("o1,c1,2024-03-05,\"12,50\",EUR"))[0].contains("--decimal-comma"))
    }

    @Test func aSymbolOrCodeOfAnotherCurrencyIsRefused() throws {
        #expect(reasons(try order("o1,c1,2024-03-05,€120.00,USD")) == ["amount: '€120.00' is written in €, but the row's currency is USD"])
        #expect(reasons(try order("o1,c1,2024-03-05,120.00 GBP,EUR")) == ["amount: '120.00 GBP' is written in GBP, but the row's currency is EUR"])
        #expect(reasons(try order("o1,c1,2024-03-05,\"1,23\",EUR")).count == 1)
    }

    @Test func codesInAnyCase() throws {
        #expect(try order("o1,c1,2024-03-05,1.00,eur").get().amount?.currency == "EUR")
        let source = try CSVRowSource(text: "customer_id,market,acquisition_cost,acquisition_cost_currency\nc1,fr,2.00,gbp\n")
        let layout = try ColumnLayout(header: source.header, kind: .customers)
        let customer = try CustomerRowMapper(layout: layout).record(from: RowCells(try #require(try source.next()).cells))
        #expect(customer.market == "FR")
        #expect(customer.acquisitionCost == Money(minorUnits: 200, currency: "GBP"))
    }

    /// Today only the first problem of a row is reported.
    @Test func everyProblemOfARowIsReported() throws {
        let problems = reasons(try order(",c1,05/03/2024,12.505,EUR"))
        #expect(problems.count == 3)
        #expect(problems[0] == "order_id: is required")
        #expect(problems[1].hasPrefix("placed_at: '05/03/2024' is not an instant") && problems[1].contains("--time-format dd/mm/yyyy"))
        #expect(problems[2] == "amount: '12.505' has more decimals than the currency's 2")
    }

    @Test func daysAndRatesFollowTheFormats() throws {
        let dayFirst = ValueFormats(time: Timestamp(format: .dayMonthYear), decimalComma: true)
        let customers = try CSVRowSource(text: "customer_id,acquired_on\nc1,05/03/2024\n")
        let customer = try CustomerRowMapper(layout: try ColumnLayout(header: customers.header, kind: .customers))
            .record(from: RowCells(try #require(try customers.next()).cells, formats: dayFirst))
        #expect(customer.acquiredOn == "2024-03-05")
        let rates = try CSVRowSource(text: "currency,date,rate\nusd,05/03/2024,\"0,9213\"\n")
        let rate = try ExchangeRateRowMapper(layout: try ColumnLayout(header: rates.header, kind: .rates))
            .record(from: RowCells(try #require(try rates.next()).cells, formats: dayFirst))
        #expect(rate == ExchangeRate(currency: "USD", date: "2024-03-05", rate: "0.9213"))
    }
}
