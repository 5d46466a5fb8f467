import CLVProto

/// `orders` rows: order_id, customer_id, placed_at, amount (or amount_minor), currency,
/// gross_margin (or gross_margin_minor), cost (or cost_minor), platform, item_count, status.
///
/// One `currency` column serves amount, gross margin and cost. An empty status is `completed`.
public struct OrderRowMapper: RowMapper {
    private let orderID, customerID, placedAt, amount, amountMinor, currency: Int?
    private let margin, marginMinor, cost, costMinor, platform, itemCount, status: Int?

    public init(layout: ColumnLayout) {
        orderID = layout.index(of: "order_id")
        customerID = layout.index(of: "customer_id")
        placedAt = layout.index(of: "placed_at")
        amount = layout.index(of: "amount")
        amountMinor = layout.index(of: "amount_minor")
        currency = layout.index(of: "currency")
        margin = layout.index(of: "gross_margin")
        marginMinor = layout.index(of: "gross_margin_minor")
        cost = layout.index(of: "cost")
        costMinor = layout.index(of: "cost_minor")
        platform = layout.index(of: "platform")
        itemCount = layout.index(of: "item_count")
        status = layout.index(of: "status")
    }

    public func record(from row: RowCells) throws(FieldProblem) -> Order {
        let orderID = try row.required(orderID, field: "order_id")
        let customerID = try row.required(customerID, field: "customer_id")
        let placedAt = try row.instant(placedAt, field: "placed_at")
        guard let currency = try row.currency(currency, field: "currency") else {
            throw FieldProblem(field: "currency", reason: "is required")
        }
        guard let amount = try row.money(
            major: (amount, "amount"), minor: (amountMinor, "amount_minor"), currency: currency, currencyField: "currency")
        else {
            throw FieldProblem(field: amountMinor != nil ? "amount_minor" : "amount", reason: "is required")
        }
        let margin = try row.money(
            major: (margin, "gross_margin"), minor: (marginMinor, "gross_margin_minor"), currency: currency, currencyField: "currency")
        let cost = try row.money(major: (cost, "cost"), minor: (costMinor, "cost_minor"), currency: currency, currencyField: "currency")
        var items: UInt32 = 0
        if let text = row.token(itemCount) {
            guard let count = UInt32(text) else {
                throw FieldProblem(field: "item_count", reason: "'\(text)' is not a whole number of items")
            }
            items = count
        }
        var orderStatus = OrderStatus.completed
        if let text = row.token(status) {
            guard let named = OrderStatus(name: text), named != .unspecified else {
                let names = OrderStatus.allCases.filter { $0 != .unspecified }.map(\.name).joined(separator: ", ")
                throw FieldProblem(field: "status", reason: "unknown status '\(text)'; one of \(names)")
            }
            orderStatus = named
        }
        return Order(
            orderID: orderID, customerID: customerID, placedAtUnixMilliseconds: placedAt, amount: amount,
            grossMargin: margin, cost: cost, platform: row.token(platform) ?? "", itemCount: items, status: orderStatus)
    }
}
