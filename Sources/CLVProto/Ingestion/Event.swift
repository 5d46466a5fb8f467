/// `clv.ingestion.v1.Event`: one behaviour event of a customer.
public struct Event: Sendable, Hashable {
    public var eventID: String
    public var customerID: String
    /// Milliseconds since the Unix epoch, UTC.
    public var occurredAtUnixMilliseconds: Int64
    public var type: EventType
    /// A survey answer's score; nil for every other type.
    public var score: Double?
    public var attributes: [String: String]

    public init(
        eventID: String, customerID: String, occurredAtUnixMilliseconds: Int64, type: EventType,
        score: Double? = nil, attributes: [String: String] = [:]
    ) {
        self.eventID = eventID
        self.customerID = customerID
        self.occurredAtUnixMilliseconds = occurredAtUnixMilliseconds
        self.type = type
        self.score = score
        self.attributes = attributes
    }
}
