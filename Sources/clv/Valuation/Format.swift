import Foundation

/// Numbers for people: a few significant figures, money in major units with separators.
enum Format {
    static func number(_ value: Double, significant: Int = 5) -> String {
        guard value.isFinite else { return "\(value)" }
        return String(format: "%.\(significant)g", value)
    }

    /// Minor units as major units with thousands separators, e.g. 1234567 → "12,345.67".
    static func money(_ minor: Double, currency: String = "") -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.minimumFractionDigits = 2
        formatter.maximumFractionDigits = 2
        let text = formatter.string(from: NSNumber(value: minor / 100)) ?? String(minor / 100)
        return currency.isEmpty ? text : "\(text) \(currency)"
    }

    static func percent(_ share: Double) -> String {
        String(format: "%.1f %%", share * 100)
    }
}
