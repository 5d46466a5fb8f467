/// An exact, positive decimal number such as an exchange rate: `mantissa / 10^scale`.
///
/// Always normalised (no trailing zeros after the point), so equal values are equal structs:
/// "1.50" and "1.5" are both mantissa 15, scale 1. Rates are exact because converted money must
/// be: a binary float cannot hold 0.1.
public struct DecimalRate: Sendable, Hashable {
    /// The most digits after the decimal point a rate may have.
    public static let maximumDecimals = 12
    /// The most significant digits a rate may have; 18 always fit an `Int64` mantissa.
    public static let maximumSignificantDigits = 18

    /// The digits of the value without the decimal point; always positive.
    public let mantissa: Int64
    /// How many of the mantissa's digits are decimals: value = mantissa / 10^scale.
    public let scale: Int

    /// The value `mantissa / 10^scale`, normalised; nil unless `mantissa > 0` and, after
    /// normalising, `0 <= scale <= maximumDecimals` with at most ``maximumSignificantDigits`` digits.
    public init?(mantissa: Int64, scale: Int) {
        guard mantissa > 0, scale >= 0 else { return nil }
        var mantissa = mantissa
        var scale = scale
        while scale > 0, mantissa % 10 == 0 {
            mantissa /= 10
            scale -= 1
        }
        guard scale <= Self.maximumDecimals, mantissa < 1_000_000_000_000_000_000 else { return nil }
        self.mantissa = mantissa
        self.scale = scale
    }

    /// Parses `digits[.digits]`: no sign, exponent, spaces or thousands separators.
    ///
    /// The value must be greater than zero, with at most ``maximumSignificantDigits``
    /// significant digits and at most ``maximumDecimals`` decimals (trailing zeros aside).
    public static func parse(_ text: String) -> Result<DecimalRate, DecimalRateError> {
        let bytes = Array(text.utf8)
        let point = bytes.firstIndex(of: UInt8(ascii: "."))
        let integerDigits = bytes[..<(point ?? bytes.endIndex)]
        let fractionDigits = point.map { bytes[($0 + 1)...] } ?? []
        guard !integerDigits.isEmpty, point == nil || !fractionDigits.isEmpty,
            integerDigits.allSatisfy(isDigit), fractionDigits.allSatisfy(isDigit)
        else {
            return .failure(.notADecimalNumber(shortened(text)))
        }

        // Trailing zeros after the point do not count; the rest of the fraction is the scale.
        var fraction = fractionDigits[...]
        while fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
        guard fraction.count <= maximumDecimals else { return .failure(.tooManyDecimals) }
        var mantissa: Int64 = 0
        var significantDigits = 0
        for digit in integerDigits + fraction {
            if significantDigits == 0, digit == UInt8(ascii: "0") { continue }  // leading zero
            significantDigits += 1
            guard significantDigits <= maximumSignificantDigits else { return .failure(.tooManySignificantDigits) }
            mantissa = mantissa * 10 + Int64(digit - UInt8(ascii: "0"))  // at most 18 digits: no overflow
        }
        guard mantissa > 0 else { return .failure(.notPositive) }
        return .success(DecimalRate(normalisedMantissa: mantissa, scale: fraction.count))
    }

    /// The canonical decimal text: "1.5", "0.000123", "110".
    public var text: String {
        let digits = Array(String(mantissa).utf8)
        guard scale > 0 else { return String(decoding: digits, as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(digits.count, scale + 1) + 1)
        if digits.count > scale {
            bytes.append(contentsOf: digits[..<(digits.count - scale)])
            bytes.append(UInt8(ascii: "."))
            bytes.append(contentsOf: digits[(digits.count - scale)...])
        } else {
            bytes.append(contentsOf: [UInt8(ascii: "0"), UInt8(ascii: ".")])
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: scale - digits.count))
            bytes.append(contentsOf: digits)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private init(normalisedMantissa: Int64, scale: Int) {
        self.mantissa = normalisedMantissa
        self.scale = scale
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// The text as echoed in an error: a caller's garbage can be long.
    private static func shortened(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }
}

extension DecimalRate: CustomStringConvertible {
    public var description: String { text }
}
