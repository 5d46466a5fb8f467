import Foundation

/// Numbers for people: a few significant figures, money in major units with separators.
enum Format {
    static func number(_ value: Double, significant: Int = 5) -> String {
        guard value.isFinite else { return "\(value)" }
        return String(format: "%.\(significant)g", value)
    }

    /// Minor units as major units with thousands separators, e.g. 1234567 → "12,345.67".
    static func money(_ minor: Double, currency: String = "") -> String {
        guard minor.isFinite else { return "\(minor)" }
        let text = String(format: "%.2f", minor / 100)
        let sign = text.hasPrefix("-") ? "-" : ""
        let digits = text.drop { $0 == "-" }
        let whole = digits.prefix { $0 != "." }
        var grouped = ""
        for (index, digit) in whole.enumerated() {
            if index > 0, (whole.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let amount = sign + grouped + digits.drop { $0 != "." }
        return currency.isEmpty ? amount : "\(amount) \(currency)"
    }

    static func percent(_ share: Double) -> String {
        String(format: "%.1f %%", share * 100)
    }
}
