import CLVProto

/// An event that passed validation.
struct ValidEvent: Sendable {
    let index: Int
    let eventID: String
    let customerID: String
    let occurredAtMilliseconds: Int64
    let type: EventType
    let score: Double?
    /// The attributes as a JSON object.
    let attributesJSON: String
}
