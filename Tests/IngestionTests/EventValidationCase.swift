import CLVProto
import Testing

/// An event that breaks one validation rule, and the field its rejection must name.
struct EventValidationCase: Sendable, CustomTestStringConvertible {
    let name: String
    let field: String
    let event: Event

    var testDescription: String { name }

    init(_ name: String, field: String, change: (inout Event) -> Void) {
        var event = Fixtures.event("e-bad", customer: "c-bad")
        change(&event)
        self.name = name
        self.field = field
        self.event = event
    }

    static let all: [EventValidationCase] = [
        EventValidationCase("empty event_id", field: "event_id") { $0.eventID = "" },
        EventValidationCase("event_id of 201 characters", field: "event_id") { $0.eventID = String(repeating: "e", count: 201) },
        EventValidationCase("event_id with leading space", field: "event_id") { $0.eventID = " e-bad" },
        EventValidationCase("event_id with a control character", field: "event_id") { $0.eventID = "e-\u{1B}bad" },
        EventValidationCase("empty customer_id", field: "customer_id") { $0.customerID = "" },
        EventValidationCase("customer_id of 201 characters", field: "customer_id") { $0.customerID = String(repeating: "c", count: 201) },
        EventValidationCase("customer_id with trailing newline", field: "customer_id") { $0.customerID = "c-bad\n" },
        EventValidationCase("customer_id with a control character", field: "customer_id") { $0.customerID = "c\u{7F}bad" },
        EventValidationCase("occurred_at zero", field: "occurred_at_unix_ms") { $0.occurredAtUnixMs = 0 },
        EventValidationCase("occurred_at negative", field: "occurred_at_unix_ms") { $0.occurredAtUnixMs = -1 },
        EventValidationCase("occurred_at two days ahead", field: "occurred_at_unix_ms") {
            $0.occurredAtUnixMs = WallClock.nowMilliseconds + 48 * WallClock.hour
        },
        EventValidationCase("unspecified type", field: "type") { $0.type = .unspecified },
        EventValidationCase("type the contract does not name", field: "type") { $0.type = .unrecognized(99) },
        EventValidationCase("survey answer without a score", field: "score") { $0.type = .surveyAnswered },
        EventValidationCase("score on an e-mail open", field: "score") { $0.score = SurveyScore(value: 5) },
        EventValidationCase("score of 0 on a complaint", field: "score") {
            $0.type = .complaint
            $0.score = SurveyScore(value: 0)
        },
        EventValidationCase("NaN score", field: "score.value") {
            $0.type = .surveyAnswered
            $0.score = SurveyScore(value: .nan)
        },
        EventValidationCase("infinite score", field: "score.value") {
            $0.type = .surveyAnswered
            $0.score = SurveyScore(value: .infinity)
        },
        EventValidationCase("negative infinite score", field: "score.value") {
            $0.type = .surveyAnswered
            $0.score = SurveyScore(value: -.infinity)
        },
        EventValidationCase("51 attributes", field: "attributes") {
            $0.attributes = Dictionary(uniqueKeysWithValues: (0..<51).map { ("k\($0)", "v") })
        },
        EventValidationCase("empty attribute key", field: "attributes") { $0.attributes = ["": "v"] },
        EventValidationCase("attribute key of 101 characters", field: "attributes") {
            $0.attributes = [String(repeating: "k", count: 101): "v"]
        },
        EventValidationCase("attribute value of 1001 characters", field: "attributes.note") {
            $0.attributes = ["note": String(repeating: "v", count: 1_001)]
        },
    ]
}
