import CLVModels
import Foundation

/// Warnings as the `evidence` column stores them: a JSON array of the numbers, written by hand
/// (a refresh writes one per customer, and Foundation's encoder would cost seconds at a
/// million). The sentence is not stored: `ChurnWarning` writes it from the numbers when read.
enum WarningJSON {
    static func encode(_ warnings: [ChurnWarning]) -> String {
        guard !warnings.isEmpty else { return "[]" }
        var text = "["
        for (index, warning) in warnings.enumerated() {
            if index > 0 { text += "," }
            // Codes and severities are fixed lower-case words: nothing to escape.
            text += #"{"code":""# + warning.code.rawValue + #"","severity":""# + warning.severity.rawValue
            text += #"","baseline":"# + number(warning.baseline) + #","current":"# + number(warning.current)
            text += #","windowDays":"# + String(warning.windowDays) + "}"
        }
        return text + "]"
    }

    static func decode(_ text: String) -> [ChurnWarning] {
        (try? JSONDecoder().decode([ChurnWarning].self, from: Data(text.utf8))) ?? []
    }

    /// JSON has no infinities: a figure that is not finite is stored as 0.
    private static func number(_ value: Double) -> String {
        value.isFinite ? value.description : "0"
    }
}
