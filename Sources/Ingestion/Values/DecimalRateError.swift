/// Why a text is not an acceptable exchange rate.
public enum DecimalRateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is not `digits[.digits]`; carries the offending text, shortened for reports.
    case notADecimalNumber(String)
    /// The value is zero.
    case notPositive
    /// More than ``DecimalRate/maximumDecimals`` digits after the point, after trailing zeros.
    case tooManyDecimals
    /// More than ``DecimalRate/maximumSignificantDigits`` digits, leading zeros and trailing
    /// fractional zeros aside.
    case tooManySignificantDigits

    /// A sentence for the caller saying what is wrong.
    public var reason: String {
        switch self {
        case .notADecimalNumber(let text):
            return "rate '\(text)' is not a decimal number such as 1.0842"
        case .notPositive:
            return "rate must be greater than zero"
        case .tooManyDecimals:
            return "rate has more than \(DecimalRate.maximumDecimals) decimals"
        case .tooManySignificantDigits:
            return "rate has more than \(DecimalRate.maximumSignificantDigits) significant digits"
        }
    }

    public var description: String { reason }
}
