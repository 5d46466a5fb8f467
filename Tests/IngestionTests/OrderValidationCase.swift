import CLVProto
import Testing

/// An order that breaks one validation rule, and the field its rejection must name.
struct OrderValidationCase: Sendable, CustomTestStringConvertible {
    let name: String
    let field: String
    let order: Order

    var testDescription: String { name }

    init(_ name: String, field: String, change: (inout Order) -> Void) {
        var order = Fixtures.order("o-bad", customer: "c-bad")
        change(&order)
        self.name = name
        self.field = field
        self.order = order
    }

    static let all: [OrderValidationCase] = [
        OrderValidationCase("empty order_id", field: "order_id") { $0.orderID = "" },
        OrderValidationCase("order_id of 201 characters", field: "order_id") { $0.orderID = String(repeating: "o", count: 201) },
        OrderValidationCase("order_id with leading space", field: "order_id") { $0.orderID = " o-bad" },
        OrderValidationCase("order_id with trailing tab", field: "order_id") { $0.orderID = "o-bad\t" },
        OrderValidationCase("order_id with a control character", field: "order_id") { $0.orderID = "o-\u{07}bad" },
        OrderValidationCase("empty customer_id", field: "customer_id") { $0.customerID = "" },
        OrderValidationCase("customer_id of 201 characters", field: "customer_id") { $0.customerID = String(repeating: "c", count: 201) },
        OrderValidationCase("customer_id with trailing space", field: "customer_id") { $0.customerID = "c-bad " },
        OrderValidationCase("customer_id with a newline", field: "customer_id") { $0.customerID = "c-\nbad" },
        OrderValidationCase("placed_at zero", field: "placed_at_unix_ms") { $0.placedAtUnixMs = 0 },
        OrderValidationCase("placed_at negative", field: "placed_at_unix_ms") { $0.placedAtUnixMs = -86_400_000 },
        OrderValidationCase("placed_at two days ahead", field: "placed_at_unix_ms") {
            $0.placedAtUnixMs = WallClock.nowMilliseconds + 48 * WallClock.hour
        },
        OrderValidationCase("missing amount", field: "amount") { $0.amount = nil },
        OrderValidationCase("negative amount", field: "amount.minor_units") { $0.amount = Money(minorUnits: -1, currency: "EUR") },
        OrderValidationCase("unknown currency", field: "amount.currency") { $0.amount = Money(minorUnits: 100, currency: "EUX") },
        OrderValidationCase("lower-case currency", field: "amount.currency") { $0.amount = Money(minorUnits: 100, currency: "eur") },
        OrderValidationCase("empty currency", field: "amount.currency") { $0.amount = Money(minorUnits: 100, currency: "") },
        OrderValidationCase("margin in another currency", field: "gross_margin.currency") {
            $0.grossMargin = Money(minorUnits: 100, currency: "USD")
        },
        OrderValidationCase("margin above the amount", field: "gross_margin.minor_units") {
            $0.grossMargin = Money(minorUnits: 1_001, currency: "EUR")
        },
        OrderValidationCase("negative cost", field: "cost.minor_units") { $0.cost = Money(minorUnits: -5, currency: "EUR") },
        OrderValidationCase("cost in another currency", field: "cost.currency") { $0.cost = Money(minorUnits: 5, currency: "GBP") },
        OrderValidationCase("platform of 101 characters", field: "platform") { $0.platform = String(repeating: "p", count: 101) },
        OrderValidationCase("item_count above Int32.max", field: "item_count") { $0.itemCount = UInt32(Int32.max) + 1 },
        OrderValidationCase("unspecified status", field: "status") { $0.status = .unspecified },
        OrderValidationCase("status the contract does not name", field: "status") { $0.status = .unrecognized(7) },
    ]
}
