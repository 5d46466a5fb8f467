import CLVProto
import Testing

/// A resend of `EventIngestionTests.survey` that differs in one field, and that field's name.
struct EventConflictCase: Sendable, CustomTestStringConvertible {
    let name: String
    let field: String
    let resent: Event

    var testDescription: String { name }

    init(_ name: String, field: String, change: (inout Event) -> Void) {
        var event = EventIngestionTests.survey
        change(&event)
        self.name = name
        self.field = field
        self.resent = event
    }

    static let all: [EventConflictCase] = [
        EventConflictCase("another customer", field: "customer_id") { $0.customerID = "c-2" },
        EventConflictCase("a millisecond later", field: "occurred_at_unix_ms") { $0.occurredAtUnixMs += 1 },
        EventConflictCase("another type", field: "type") {
            $0.type = .siteVisit
            $0.score = nil
        },
        EventConflictCase("another score", field: "score") { $0.score = SurveyScore(value: 7.5) },
        EventConflictCase("another attribute value", field: "attributes") { $0.attributes["channel"] = "sms" },
        EventConflictCase("one more attribute", field: "attributes") { $0.attributes["extra"] = "1" },
        EventConflictCase("no attributes", field: "attributes") { $0.attributes = [:] },
    ]
}
