import CLVProto

/// Checks one event on its own.
struct EventValidator: Sendable {
    let now: Int64

    func validate(_ event: Event, index: Int) -> Result<ValidEvent, RecordProblem> {
        if let problem = FieldRules.identifier(event.eventID, field: "event_id") { return .failure(problem) }
        if let problem = FieldRules.identifier(event.customerID, field: "customer_id") { return .failure(problem) }
        if let problem = FieldRules.instant(event.occurredAtUnixMs, field: "occurred_at_unix_ms", now: now) {
            return .failure(problem)
        }
        // A number this version does not name is as unknown as none.
        if event.type == .unspecified || !EventType.allCases.contains(event.type) {
            return .failure(.invalid("type", "type is missing or unknown"))
        }
        switch (event.type, event.score?.value) {
        case (.surveyAnswered, nil):
            return .failure(.invalid("score", "a survey_answered event needs its score"))
        case (.surveyAnswered, let score?) where !score.isFinite:
            return .failure(.invalid("score.value", "score must be a finite number"))
        case (.surveyAnswered, let score?) where score.magnitude > IngestionLimits.maximumScoreMagnitude:
            return .failure(.invalid("score.value", "score \(score) is beyond ±\(Int(IngestionLimits.maximumScoreMagnitude))"))
        case (.surveyAnswered, _), (_, nil):
            break
        case (_, .some):
            return .failure(.invalid("score", "only survey_answered events carry a score"))
        }
        if let problem = FieldRules.attributes(event.attributes) { return .failure(problem) }
        return .success(
            ValidEvent(
                index: index, eventID: event.eventID, customerID: event.customerID,
                occurredAtMilliseconds: event.occurredAtUnixMs, type: event.type, score: event.score?.value,
                attributesJSON: AttributesJSON.encode(event.attributes)))
    }
}
