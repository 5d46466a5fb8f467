import Foundation

/// A rate as people write it, for `--discount` and `--margin`: `10%` or `0.1`.
///
/// `0` is zero (an undiscounted value, a zero margin), never "the default"; a rate above 100 %
/// is refused, so `5` cannot silently mean 500 %.
public enum Rate {
    /// The fraction `text` names, 0 to 1; `name` ("discount", "margin") labels the error.
    public static func parse(_ text: String, name: String) throws(ValueTermError) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let isPercent = trimmed.hasSuffix("%")
        let number = isPercent ? String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces) : trimmed
        guard let value = Double(number), value.isFinite else {
            throw ValueTermError("\(name) \"\(text.prefix(40))\" is not a rate: give a percentage (10%) or a fraction (0.1)")
        }
        let fraction = isPercent ? value / 100 : value
        guard fraction >= 0 else { throw ValueTermError("\(name) must not be negative") }
        guard fraction <= 1 else {
            let percent = String(format: "%g", fraction * 100)
            throw ValueTermError(
                isPercent
                    ? "\(name) \(trimmed) is above 100 %"
                    : "\(name) \(trimmed) would be \(percent) %, above 100 %: for \(trimmed) % write \(trimmed)% or \(String(format: "%g", value / 100))")
        }
        return fraction
    }
}
