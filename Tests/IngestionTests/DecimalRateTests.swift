import Ingestion
import Testing

@Suite("DecimalRate")
struct DecimalRateTests {
    @Test(arguments: [
        ("1", 1, 0, "1"), ("1.5", 15, 1, "1.5"), ("1.50", 15, 1, "1.5"), ("1.0842", 10_842, 4, "1.0842"),
        ("0.000123", 123, 6, "0.000123"), ("110", 110, 0, "110"), ("110.000", 110, 0, "110"),
        ("0001.2500", 125, 2, "1.25"), ("0.5", 5, 1, "0.5"), ("0.000000000001", 1, 12, "0.000000000001"),
        ("123456789012345678", 123_456_789_012_345_678, 0, "123456789012345678"),
        ("123456.789012345678", 123_456_789_012_345_678, 12, "123456.789012345678"),
        ("0.100000000000000000000", 1, 1, "0.1"),
    ] as [(String, Int64, Int, String)])
    func parsesAndNormalises(text: String, mantissa: Int64, scale: Int, canonical: String) throws {
        let rate = try DecimalRate.parse(text).get()
        #expect(rate.mantissa == mantissa)
        #expect(rate.scale == scale)
        #expect(rate.text == canonical)
        #expect(try DecimalRate.parse(rate.text).get() == rate)
    }

    @Test func equalValuesAreEqual() throws {
        #expect(try DecimalRate.parse("1.50").get() == DecimalRate.parse("1.5").get())
        #expect(try DecimalRate.parse("01.5").get() == DecimalRate.parse("1.500000").get())
        #expect(try DecimalRate.parse("1.5").get() != DecimalRate.parse("15").get())
        #expect(Set(try ["2", "2.0", "2.00"].map { try DecimalRate.parse($0).get() }).count == 1)
    }

    @Test(arguments: [
        "1,5", "1.0842 ", " 1", "-1", "+1", "1e3", "1E-3", "1.", ".5", ".", "", "1.2.3", "1 000", "1_000",
        "1,000.5", "NaN", "inf", "0x10", "１.５", "1.5\n", "abc",
    ])
    func malformedTextIsNotADecimalNumber(text: String) {
        #expect(DecimalRate.parse(text) == .failure(.notADecimalNumber(text)))
    }

    @Test func reasonsAreSentences() {
        #expect(DecimalRate.parse("1,5").failure?.reason == "rate '1,5' is not a decimal number such as 1.0842")
        #expect(DecimalRate.parse("0").failure?.reason == "rate must be greater than zero")
        #expect(DecimalRate.parse("0.0000000000001").failure?.reason == "rate has more than 12 decimals")
        #expect(DecimalRate.parse("1234567890123456789").failure?.reason == "rate has more than 18 significant digits")
    }

    @Test func zeroIsRefused() {
        for text in ["0", "0.0", "000", "0.000000000000000000000"] {
            #expect(DecimalRate.parse(text) == .failure(.notPositive), "\(text)")
        }
    }

    @Test func decimalsAreLimitedToTwelve() {
        #expect(DecimalRate.parse("0.000000000001").success != nil)
        #expect(DecimalRate.parse("0.0000000000001") == .failure(.tooManyDecimals))
        #expect(DecimalRate.parse("1.1234567890123") == .failure(.tooManyDecimals))
        #expect(DecimalRate.parse("1.123456789012000").success?.scale == 12)  // trailing zeros do not count
    }

    @Test func significantDigitsAreLimitedToEighteen() {
        #expect(DecimalRate.parse("999999999999999999").success?.mantissa == 999_999_999_999_999_999)
        #expect(DecimalRate.parse("1000000000000000000") == .failure(.tooManySignificantDigits))  // 19 digits
        #expect(DecimalRate.parse("1234567.890123456789") == .failure(.tooManySignificantDigits))  // 19 digits
        #expect(DecimalRate.parse("1234567.89012345678").success?.scale == 11)  // 18 digits
        #expect(DecimalRate.parse("0000000000000000000000001.5").success?.text == "1.5")  // leading zeros do not count
        #expect(DecimalRate.parse(String(repeating: "9", count: 400)) == .failure(.tooManySignificantDigits))
    }

    @Test func longGarbageIsShortenedInTheReason() {
        let text = String(repeating: "x", count: 100)
        let reason = DecimalRate.parse(text).failure?.reason ?? ""
        #expect(reason.count < 100)
        #expect(reason.hasPrefix("rate 'xxxxxxxx"))
    }

    @Test func memberwiseInitialiserNormalises() {
        #expect(DecimalRate(mantissa: 1500, scale: 3)?.text == "1.5")
        #expect(DecimalRate(mantissa: 1500, scale: 3) == DecimalRate(mantissa: 15, scale: 1))
        #expect(DecimalRate(mantissa: 61, scale: 4)?.text == "0.0061")
        #expect(DecimalRate(mantissa: 0, scale: 0) == nil)
        #expect(DecimalRate(mantissa: -1, scale: 0) == nil)
        #expect(DecimalRate(mantissa: 1, scale: 13) == nil)
        #expect(DecimalRate(mantissa: 10, scale: 13)?.text == "0.000000000001")
        #expect(DecimalRate(mantissa: 1, scale: -1) == nil)
        #expect(DecimalRate(mantissa: 999_999_999_999_999_999, scale: 0)?.mantissa == 999_999_999_999_999_999)
        #expect(DecimalRate(mantissa: 1_000_000_000_000_000_001, scale: 0) == nil)  // 19 significant digits
        #expect(DecimalRate(mantissa: 1_000_000_000_000_000_000, scale: 1)?.text == "100000000000000000")
    }
}

fileprivate extension Result {
    var success: Success? {
        if case .success(let value) = self { return value }
        return nil
    }

    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
