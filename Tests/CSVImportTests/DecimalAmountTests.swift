import CSVImport
import Testing

@Suite struct DecimalAmountTests {
    @Test(arguments: [
        ("12.50", "EUR", Int64(1250)), ("12.5", "EUR", 1250), ("12", "EUR", 1200), ("0.01", "EUR", 1),
        ("1200", "JPY", 1200), ("1200.0", "JPY", 1200), ("1.234", "KWD", 1234), ("1.2", "KWD", 1200),
        ("12.500", "EUR", 1250), ("-3.10", "EUR", -310), ("92233720368547758.07", "EUR", Int64.max),
    ])
    func convertsExactlyToMinorUnits(text: String, currency: String, minor: Int64) throws {
        #expect(try DecimalAmount.minorUnits(text, currency: currency, field: "amount") == minor)
    }

    @Test(arguments: [
        ("100.5", "JPY"), ("12.505", "EUR"), ("1.2345", "KWD"), ("-", "EUR"), ("", "EUR"), ("1,000.00", "EUR"),
        ("1e3", "EUR"), (".5", "EUR"), ("5.", "EUR"), ("1.2.3", "EUR"), ("+5", "EUR"),
        ("92233720368547758.08", "EUR"),
    ])
    func refusesWhatIsNotAnExactAmount(text: String, currency: String) {
        let problem = #expect(throws: FieldProblem.self) {
            try DecimalAmount.minorUnits(text, currency: currency, field: "amount")
        }
        #expect(problem?.field == "amount")
    }

    @Test func tooManyDecimalsSaysHowManyTheCurrencyHas() {
        let problem = #expect(throws: FieldProblem.self) { try DecimalAmount.minorUnits("100.5", currency: "JPY", field: "amount") }
        #expect(problem?.reason == "'100.5' has more decimals than the currency's 0")
    }

    @Test func unknownCurrencyIsAProblemOfTheField() {
        let problem = #expect(throws: FieldProblem.self) { try DecimalAmount.minorUnits("1.00", currency: "XYZ", field: "cost") }
        #expect(problem?.field == "cost")
    }

    @Test func integerMinorUnits() throws {
        #expect(try DecimalAmount.integerMinorUnits("1250", field: "amount_minor") == 1250)
        #expect(throws: FieldProblem.self) { try DecimalAmount.integerMinorUnits("12.50", field: "amount_minor") }
    }
}
