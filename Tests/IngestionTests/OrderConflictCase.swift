import CLVProto
import Testing

/// A resend of `OrderConflictCase.stored` that differs in one field, and that field's name.
struct OrderConflictCase: Sendable, CustomTestStringConvertible {
    /// An order with every optional field set, so a resend can differ in any of them.
    static let stored: Order = {
        var order = Fixtures.order("o-1", customer: "c-1", cents: 5_000)
        order.grossMargin = Money(minorUnits: 2_000, currency: "EUR")
        order.cost = Money(minorUnits: 3_000, currency: "EUR")
        order.itemCount = 2
        return order
    }()

    let name: String
    let field: String
    let resent: Order

    var testDescription: String { name }

    init(_ name: String, field: String, change: (inout Order) -> Void) {
        var order = Self.stored
        change(&order)
        self.name = name
        self.field = field
        self.resent = order
    }

    static let all: [OrderConflictCase] = [
        OrderConflictCase("another customer", field: "customer_id") { $0.customerID = "c-2" },
        OrderConflictCase("a millisecond later", field: "placed_at_unix_ms") { $0.placedAtUnixMs += 1 },
        OrderConflictCase("another currency", field: "amount.currency") {
            $0.amount?.currency = "GBP"
            $0.grossMargin?.currency = "GBP"
            $0.cost?.currency = "GBP"
        },
        OrderConflictCase("another margin", field: "gross_margin") { $0.grossMargin?.minorUnits = 2_001 },
        OrderConflictCase("no margin", field: "gross_margin") { $0.grossMargin = nil },
        OrderConflictCase("another cost", field: "cost") { $0.cost?.minorUnits = 2_999 },
        OrderConflictCase("another platform", field: "platform") { $0.platform = "app" },
        OrderConflictCase("another item count", field: "item_count") { $0.itemCount = 3 },
        OrderConflictCase("cancelled instead of completed", field: "status") { $0.status = .cancelled },
    ]
}
