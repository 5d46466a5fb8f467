import CLVModels
import Foundation
@testable import Segmentation
import Testing

/// The evidence column's hand-written JSON reads back as the warnings it was written from.
@Suite struct WarningJSONTests {
    @Test func warningsRoundTripWithTheirSentences() throws {
        let warnings = [
            ChurnWarning(code: .frequencyDrop, severity: .high, baseline: 1.25, current: 0.1, windowDays: 182),
            ChurnWarning(code: .orderValueDrop, severity: .low, baseline: 12_345.678, current: 1e-5, windowDays: 182),
            ChurnWarning(code: .abandonedCart, severity: .low, baseline: 0, current: 3, windowDays: 30),
        ]
        let text = WarningJSON.encode(warnings)
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [Any])
        #expect(WarningJSON.decode(text) == warnings)
        #expect(WarningJSON.decode(text).map(\.detail) == warnings.map(\.detail))
        #expect(WarningJSON.encode([]) == "[]" && WarningJSON.decode("[]").isEmpty)
        let infinite = ChurnWarning(code: .issuesRising, severity: .medium, baseline: .infinity, current: 2, windowDays: 182)
        #expect(WarningJSON.decode(WarningJSON.encode([infinite])).first?.baseline == 0)
    }
}
