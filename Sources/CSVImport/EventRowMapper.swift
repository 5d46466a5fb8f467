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

    public func record(from row: RowCells) throws(FieldProblem) -> Event {
        let eventID = try row.required(eventID, field: "event_id")
        let customerID = try row.required(customerID, field: "customer_id")
        let occurredAt = try row.instant(occurredAt, field: "occurred_at")
        guard let typeName = row.token(type) else { throw FieldProblem(field: "type", reason: "is required") }
        guard let eventType = EventType(name: typeName), eventType != .unspecified else {
            let names = EventType.allCases.filter { $0 != .unspecified }.map(\.name).joined(separator: ", ")
            throw FieldProblem(field: "type", reason: "unknown event type '\(typeName)'; one of \(names)")
        }
        var eventScore: Double?
        if let text = row.token(score) {
            guard let value = Double(text), value.isFinite else {
                throw FieldProblem(field: "score", reason: "'\(text)' is not a finite number")
            }
            eventScore = value
        }
        return Event(
            eventID: eventID, customerID: customerID, occurredAtUnixMilliseconds: occurredAt, type: eventType,
            score: eventScore, attributes: row.attributes(attributes))
    }
}
