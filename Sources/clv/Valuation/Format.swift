import Foundation
import Ingestion

/// Numbers for people: a few significant figures, money in major units with separators.
enum Format {
    static func number(_ value: Double, significant: Int = 5) -> String {
        guard value.isFinite else { return "\(value)" }
        return String(format: "%.\(significant)g", value)
    }

    /// Minor units as major units of `currency` with thousands separators, e.g. 1234567 EUR →
    /// "12,345.67 EUR", 1234567 JPY → "1,234,567 JPY". The currency is named unless `named` is false;
    /// without one, two decimals.
    static func money(_ minor: Double, currency: String = "", named: Bool = true) -> String {
        guard minor.isFinite else { return "\(minor)" }
        let digits = CurrencyCatalog.minorUnitDigits(of: currency) ?? 2
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let text = String(format: "%.\(digits)f", minor / scale)
        let sign = text.hasPrefix("-") ? "-" : ""
        let unsigned = text.drop { $0 == "-" }
        let whole = unsigned.prefix { $0 != "." }
        var grouped = ""
        for (index, digit) in whole.enumerated() {
            if index > 0, (whole.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let amount = sign + grouped + unsigned.drop { $0 != "." }
        return currency.isEmpty || !named ? amount : "\(amount) \(currency)"
    }

    /// "0.019 s", "12.4 s": a duration to the millisecond, never in exponent notation.
    static func seconds(_ seconds: Double) -> String {
        String(format: seconds < 10 ? "%.3f s" : "%.1f s", seconds)
    }

    static func percent(_ share: Double) -> String {
        String(format: "%.1f %%", share * 100)
    }

    /// "1 repeat day", "3 repeat days".
    static func count(_ count: Int, _ noun: String) -> String {
        "\(count) \(count == 1 ? noun : plural(noun))"
    }

    static func plural(_ noun: String) -> String {
        noun.hasSuffix("s") ? noun : noun + "s"
    }
}
