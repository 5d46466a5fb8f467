import CLVProto

/// `events` rows: event_id, customer_id, occurred_at, type (`email_opened`, ...), score, attr.NAME.
public struct EventRowMapper: RowMapper {
    private let eventID, customerID, occurredAt, type, score: Int?
    private let attributes: [(name: String, index: Int)]

    public init(layout: ColumnLayout) {
        eventID = layout.index(of: "event_id")
        customerID = layout.index(of: "customer_id")
        occurredAt = layout.index(of: "occurred_at")
        type = layout.index(of: "type")
        score = layout.index(of: "score")
        attributes = layout.attributeColumns
    }

    public func record(from row: RowCells) throws(RowProblems) -> Event {
        var problems = ProblemCollector()
        let eventID = problems.check { () throws(FieldProblem) in try row.required(self.eventID, field: "event_id") }
        let customerID = problems.check { () throws(FieldProblem) in try row.required(self.customerID, field: "customer_id") }
        let occurredAt = problems.check { () throws(FieldProblem) in try row.instant(self.occurredAt, field: "occurred_at") }
        var eventType: EventType?
        if let typeName = row.token(type) {
            eventType = EventType(name: typeName)
            if eventType == nil || eventType == .unspecified {
                let names = EventType.allCases.filter { $0 != .unspecified }.map(\.name).joined(separator: ", ")
                problems.add(FieldProblem(field: "type", reason: "unknown event type '\(typeName)'; one of \(names)"))
            }
        } else {
            problems.add(FieldProblem(field: "type", reason: "is required"))
        }
        var eventScore: Double?
        if let text = row.token(score) {
            if let value = Double(text), value.isFinite {
                eventScore = value
            } else {
                problems.add(FieldProblem(field: "score", reason: "'\(text)' is not a finite number"))
            }
        }
        try problems.finish()
        return Event(
            eventID: eventID!, customerID: customerID!, occurredAtUnixMs: occurredAt!, type: eventType!,
            score: eventScore.map { SurveyScore(value: $0) }, attributes: row.attributes(attributes))
    }
}
