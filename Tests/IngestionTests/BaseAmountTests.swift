import Ingestion
import Testing

@Suite("BaseAmount conversion")
struct BaseAmountTests {
    private func rate(_ text: String) throws -> DecimalRate {
        try DecimalRate.parse(text).get()
    }

    @Test func briefExamples() throws {
        // 1000 JPY at 0.0061 EUR/JPY = 6.10 EUR.
        #expect(BaseAmount.convert(minorUnits: 1000, fromDigits: 0, rate: try rate("0.0061"), toDigits: 2) == 610)
        // 12.34 USD at 0.9215 = 11.37131 EUR.
        #expect(BaseAmount.convert(minorUnits: 1234, fromDigits: 2, rate: try rate("0.9215"), toDigits: 2) == 1137)
        // 1 fils (0.001 KWD) at 3.0 = 0.003 EUR = 0.3 cent.
        #expect(BaseAmount.convert(minorUnits: 1, fromDigits: 3, rate: try rate("3.0"), toDigits: 2) == 0)
        // 1 EUR cent into JPY at 160.5 = 1.605 JPY.
        #expect(BaseAmount.convert(minorUnits: 1, fromDigits: 2, rate: try rate("160.5"), toDigits: 0) == 2)
        // 10 USD into CLF (4 digits) at 0.00025.
        #expect(BaseAmount.convert(minorUnits: 1000, fromDigits: 2, rate: try rate("0.00025"), toDigits: 4) == 25)
    }

    @Test(arguments: [
        (5, "0.5", 2), (15, "0.5", 8), (25, "0.5", 12), (35, "0.5", 18), (1, "0.5", 0), (3, "0.5", 2),
        (25, "0.1", 2), (35, "0.1", 4), (251, "0.01", 3), (249, "0.01", 2), (250, "0.01", 2), (350, "0.01", 4),
        (-5, "0.5", -2), (-15, "0.5", -8), (-1, "0.5", 0), (-3, "0.5", -2), (-251, "0.01", -3), (-249, "0.01", -2),
        (0, "123.456", 0),
    ] as [(Int64, String, Int64)])
    func roundsHalfToEvenSymmetrically(minorUnits: Int64, rateText: String, expected: Int64) throws {
        #expect(BaseAmount.convert(minorUnits: minorUnits, fromDigits: 2, rate: try rate(rateText), toDigits: 2) == expected)
    }

    // Expected values computed with Python's decimal module (ROUND_HALF_EVEN, 100 digits).
    @Test(arguments: [
        (123_456_789, 2, "1.0842", 2, 133_851_851),
        (-987_654_321, 2, "0.000123", 0, -1215),
        (5_000_000, 0, "0.00617", 2, 3_085_000),
        (999, 3, "3.2616", 2, 326),
        (1, 4, "37.123456789012", 2, 0),
        (-7_777_777, 2, "110", 0, -8_555_555),
        (123_456_789_012_345, 2, "0.91", 2, 112_345_678_001_234),
        (33, 2, "0.015151515151", 3, 5),
    ] as [(Int64, Int, String, Int, Int64)])
    func matchesDecimalReference(minorUnits: Int64, fromDigits: Int, rateText: String, toDigits: Int, expected: Int64) throws {
        #expect(BaseAmount.convert(minorUnits: minorUnits, fromDigits: fromDigits, rate: try rate(rateText), toDigits: toDigits) == expected)
    }

    @Test func extremesThatFit() throws {
        let one = try rate("1")
        #expect(BaseAmount.convert(minorUnits: .max, fromDigits: 2, rate: one, toDigits: 2) == .max)
        #expect(BaseAmount.convert(minorUnits: .min, fromDigits: 2, rate: one, toDigits: 2) == .min)
        #expect(BaseAmount.convert(minorUnits: .max, fromDigits: 2, rate: try rate("0.5"), toDigits: 2) == 4_611_686_018_427_387_904)  // …903.5 → even
        #expect(BaseAmount.convert(minorUnits: .max, fromDigits: 18, rate: try rate("0.000000000001"), toDigits: 0) == 0)  // divisor 10^30
        #expect(BaseAmount.convert(minorUnits: 1, fromDigits: 0, rate: one, toDigits: 18) == 1_000_000_000_000_000_000)
        #expect(BaseAmount.convert(minorUnits: 9, fromDigits: 0, rate: one, toDigits: 18) == 9_000_000_000_000_000_000)
    }

    @Test func overflowIsNil() throws {
        #expect(BaseAmount.convert(minorUnits: .max, fromDigits: 2, rate: try rate("2"), toDigits: 2) == nil)
        #expect(BaseAmount.convert(minorUnits: .max, fromDigits: 2, rate: try rate("1"), toDigits: 3) == nil)
        #expect(BaseAmount.convert(minorUnits: .min, fromDigits: 2, rate: try rate("1"), toDigits: 3) == nil)
        #expect(BaseAmount.convert(minorUnits: .min, fromDigits: 2, rate: try rate("1.5"), toDigits: 2) == nil)
        #expect(BaseAmount.convert(minorUnits: 10, fromDigits: 0, rate: try rate("1"), toDigits: 18) == nil)
        // The product alone is ~9.2e36; ×10^18 overflows Int128 itself.
        #expect(BaseAmount.convert(minorUnits: .max, fromDigits: 0, rate: try rate("999999999999999999"), toDigits: 18) == nil)
        #expect(BaseAmount.convert(minorUnits: .min, fromDigits: 0, rate: try rate("999999999999999999"), toDigits: 18) == nil)
    }

    @Test func digitCountsOutsideTheRangeAreNil() throws {
        let one = try rate("1")
        #expect(BaseAmount.convert(minorUnits: 1, fromDigits: -1, rate: one, toDigits: 2) == nil)
        #expect(BaseAmount.convert(minorUnits: 1, fromDigits: 2, rate: one, toDigits: 19) == nil)
        #expect(BaseAmount.convert(minorUnits: 1, fromDigits: .max, rate: one, toDigits: .min) == nil)
    }
}
