import CLVModels
import Foundation

/// Warnings as the `evidence` column stores them, a JSON array; most customers have none, and
/// their "[]" skips the encoder.
enum WarningJSON {
    static func encode(_ warnings: [ChurnWarning]) -> String {
        guard !warnings.isEmpty else { return "[]" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? String(decoding: encoder.encode(warnings), as: UTF8.self)) ?? "[]"
    }

    static func decode(_ text: String) -> [ChurnWarning] {
        (try? JSONDecoder().decode([ChurnWarning].self, from: Data(text.utf8))) ?? []
    }
}
