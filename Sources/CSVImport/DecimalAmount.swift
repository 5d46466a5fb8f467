import Ingestion

/// Decimal money text in major units ("12.50") converted exactly to integer minor units.
public enum DecimalAmount {
    /// The minor units of `text` in `currency`: "12.50" EUR is 1250, "1200" JPY is 1200,
    /// "1.234" KWD is 1234.
    ///
    /// Accepts an optional leading `-` (a gross margin can be negative; the service decides what
    /// may be) and digits with at most one `.`. More decimals than the currency has are accepted
    /// only when the extra ones are zeros ("12.500" EUR is exactly 1250); "12.505" EUR is an
    /// error, never rounded. No exponents, no thousands separators, no "-" placeholder.
    public static func minorUnits(_ text: String, currency: String, field: String) throws(FieldProblem) -> Int64 {
        guard let digits = CurrencyCatalog.minorUnitDigits(of: currency) else {
            throw FieldProblem(field: field, reason: "cannot convert '\(text)': unknown currency '\(currency)'")
        }
        return try minorUnits(text, digits: digits, field: field)
    }

    /// The minor units of `text` for a currency whose minor unit has `digits` decimals.
    public static func minorUnits(_ text: String, digits: Int, field: String) throws(FieldProblem) -> Int64 {
        let bytes = Array(text.utf8)
        var position = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { position = 1 }
        var value: Int64 = 0
        var integerDigits = 0
        var fractionDigits = 0
        var seenPoint = false
        func invalid(_ why: String) -> FieldProblem {
            FieldProblem(field: field, reason: "'\(text)' is not a decimal amount: \(why)")
        }
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { throw invalid("more than one '.'") }
                seenPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                throw invalid("unexpected '\(Character(Unicode.Scalar(byte)))'")
            }
            let digit = Int64(byte - UInt8(ascii: "0"))
            if seenPoint {
                fractionDigits += 1
                if fractionDigits > digits {
                    guard digit == 0 else {
                        throw FieldProblem(
                            field: field,
                            reason: "'\(text)' has more decimals than the currency's \(digits)")
                    }
                    continue
                }
            } else {
                integerDigits += 1
            }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(digit)
            guard !overflowA, !overflowB else { throw invalid("too large") }
            value = sum
        }
        guard integerDigits > 0 else { throw invalid("no digits before the '.'") }
        guard !seenPoint || fractionDigits > 0 else { throw invalid("no digits after the '.'") }
        for _ in min(fractionDigits, digits)..<digits {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { throw invalid("too large") }
            value = shifted
        }
        return negative ? -value : value
    }

    /// Integer minor units ("1250", "-300").
    public static func integerMinorUnits(_ text: String, field: String) throws(FieldProblem) -> Int64 {
        guard let value = Int64(text) else {
            throw FieldProblem(field: field, reason: "'\(text)' is not an integer number of minor units")
        }
        return value
    }
}
