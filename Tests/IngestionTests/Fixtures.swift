import CLVProto

/// Records for tests: valid unless a test changes them.
enum Fixtures {
    /// 2026-03-02T10:00:00Z.
    static let monday: Int64 = 1_772_445_600_000
    static let day: Int64 = 86_400_000

    static func order(
        _ id: String, customer: String = "c-1", at placedAt: Int64 = monday, cents: Int64 = 1_000,
        currency: String = "EUR", status: OrderStatus = .completed
    ) -> Order {
        Order(
            orderID: id, customerID: customer, placedAtUnixMs: placedAt,
            amount: Money(minorUnits: cents, currency: currency), platform: "web", itemCount: 1, status: status)
    }

    static func event(_ id: String, customer: String = "c-1", at occurredAt: Int64 = monday, type: EventType = .emailOpened) -> Event {
        Event(eventID: id, customerID: customer, occurredAtUnixMs: occurredAt, type: type)
    }
}
