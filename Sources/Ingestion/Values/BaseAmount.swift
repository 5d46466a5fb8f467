/// Conversion of an amount in minor units into the base currency's minor units.
public enum BaseAmount {
    /// The largest minor-unit digit count accepted; ISO 4217 has none above 4.
    public static let maximumDigits = 18

    /// `minorUnits × rate × 10^(toDigits − fromDigits)`, rounded half to even, exactly.
    ///
    /// `fromDigits` and `toDigits` are the minor-unit digits of the order's currency and of the
    /// base currency (1000 JPY at 0.0061 into EUR cents: `convert(minorUnits: 1000, fromDigits: 0,
    /// rate: 0.0061, toDigits: 2)` is 610). Negative amounts round symmetrically (−2.5 → −2).
    ///
    /// - Returns: nil when the result does not fit an `Int64`, or when a digit count is outside
    ///   `0...maximumDigits`.
    public static func convert(minorUnits: Int64, fromDigits: Int, rate: DecimalRate, toDigits: Int) -> Int64? {
        guard (0...maximumDigits).contains(fromDigits), (0...maximumDigits).contains(toDigits) else { return nil }
        // |minorUnits × mantissa| < 2^126, so the product cannot overflow Int128.
        let product = Int128(minorUnits) * Int128(rate.mantissa)
        // value = product × 10^exponent; exponent is within -30...18.
        let exponent = toDigits - fromDigits - rate.scale
        if exponent >= 0 {
            var result = product
            for _ in 0..<exponent {
                let (next, overflow) = result.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                result = next
            }
            return Int64(exactly: result)
        }
        let divisor = power(ofTen: -exponent)  // at most 10^30 < 2^127
        return Int64(exactly: roundedHalfToEven(product, dividedBy: divisor))
    }

    /// `numerator / divisor` rounded to the nearest integer, ties to the even neighbour;
    /// `divisor` is positive.
    private static func roundedHalfToEven(_ numerator: Int128, dividedBy divisor: Int128) -> Int128 {
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: divisor)  // truncates toward zero
        let twiceRemainder = remainder.magnitude * 2  // < 2 × 10^30: no overflow
        let awayFromZero: Int128 = numerator < 0 ? -1 : 1
        if twiceRemainder > divisor.magnitude { return quotient + awayFromZero }
        if twiceRemainder == divisor.magnitude, quotient & 1 != 0 { return quotient + awayFromZero }
        return quotient
    }

    private static func power(ofTen exponent: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}
