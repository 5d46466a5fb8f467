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

    public func record(from row: RowCells) throws(RowProblems) -> Order {
        var problems = ProblemCollector()
        let orderID = problems.check { () throws(FieldProblem) in try row.required(self.orderID, field: "order_id") }
        let customerID = problems.check { () throws(FieldProblem) in try row.required(self.customerID, field: "customer_id") }
        let placedAt = problems.check { () throws(FieldProblem) in try row.instant(self.placedAt, field: "placed_at") }
        let currency = problems.check { () throws(FieldProblem) in
            guard let code = try row.currency(self.currency, field: "currency") else {
                throw FieldProblem(field: "currency", reason: "is required")
            }
            return code
        }
        var amount: Money?, margin: Money?, cost: Money?
        if let currency {
            amount = problems.check { () throws(FieldProblem) in
                guard let money = try row.money(
                    major: (self.amount, "amount"), minor: (self.amountMinor, "amount_minor"), currency: currency, currencyField: "currency")
                else { throw FieldProblem(field: self.amountMinor != nil ? "amount_minor" : "amount", reason: "is required") }
                return money
            }
            margin = problems.check { () throws(FieldProblem) in
                try row.money(
                    major: (self.margin, "gross_margin"), minor: (self.marginMinor, "gross_margin_minor"), currency: currency,
                    currencyField: "currency")
            } ?? nil
            cost = problems.check { () throws(FieldProblem) in
                try row.money(major: (self.cost, "cost"), minor: (self.costMinor, "cost_minor"), currency: currency, currencyField: "currency")
            } ?? nil
        }
        var items: UInt32 = 0
        if let text = row.token(itemCount) {
            if let count = UInt32(text) {
                items = count
            } else {
                problems.add(FieldProblem(field: "item_count", reason: "'\(text)' is not a whole number of items"))
            }
        }
        var orderStatus = OrderStatus.completed
        if let text = row.token(status) {
            if let named = OrderStatus(name: text), named != .unspecified {
                orderStatus = named
            } else {
                let names = OrderStatus.allCases.filter { $0 != .unspecified }.map(\.name).joined(separator: ", ")
                problems.add(FieldProblem(
                    field: "status", reason: "unknown status '\(text)'; one of \(names) (or map it: --map-value status:\(text)=completed)"))
            }
        }
        try problems.finish()
        return Order(
            orderID: orderID!, customerID: customerID!, placedAtUnixMs: placedAt!, amount: amount!,
            grossMargin: margin, cost: cost, platform: row.token(platform) ?? "", itemCount: items, status: orderStatus)
    }
}
