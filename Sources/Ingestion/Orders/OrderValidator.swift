import CLVProto

/// Checks one order on its own: everything that needs no stored data.
struct OrderValidator: Sendable {
    /// Now, in ms since the epoch: the far-future bound.
    let now: Int64

    func validate(_ order: Order, index: Int) -> Result<ValidOrder, RecordProblem> {
        if let problem = FieldRules.identifier(order.orderID, field: "order_id") { return .failure(problem) }
        if let problem = FieldRules.identifier(order.customerID, field: "customer_id") { return .failure(problem) }
        if let problem = FieldRules.instant(order.placedAtUnixMs, field: "placed_at_unix_ms", now: now) {
            return .failure(problem)
        }
        guard let amount = order.amount else { return .failure(.invalid("amount", "amount is missing")) }
        if case .failure(let problem) = FieldRules.currency(amount.currency, field: "amount.currency") {
            return .failure(problem)
        }
        if let problem = FieldRules.minorUnits(amount.minorUnits, field: "amount.minor_units", minimum: 0, what: "amount") {
            return .failure(problem)
        }
        if let margin = order.grossMargin {
            if margin.currency != amount.currency {
                return .failure(.invalid("gross_margin.currency", "gross margin is in \(margin.currency), the amount in \(amount.currency)"))
            }
            if margin.minorUnits > amount.minorUnits {
                return .failure(.invalid("gross_margin.minor_units", "gross margin exceeds the amount"))
            }
            let minimum = -IngestionLimits.maximumMinorUnits
            if let problem = FieldRules.minorUnits(margin.minorUnits, field: "gross_margin.minor_units", minimum: minimum, what: "gross margin") {
                return .failure(problem)
            }
        }
        if let cost = order.cost {
            if cost.currency != amount.currency {
                return .failure(.invalid("cost.currency", "cost is in \(cost.currency), the amount in \(amount.currency)"))
            }
            // With the amount and cost in 0...10^15, amount less cost (the margin when none is
            // given) is within ±10^15 too.
            if let problem = FieldRules.minorUnits(cost.minorUnits, field: "cost.minor_units", minimum: 0, what: "cost") {
                return .failure(problem)
            }
        }
        if let problem = FieldRules.label(order.platform, field: "platform") { return .failure(problem) }
        if order.itemCount > UInt32(Int32.max) {
            return .failure(.invalid("item_count", "item_count is larger than \(Int32.max)"))
        }
        if order.status == .unspecified || !OrderStatus.allCases.contains(order.status) {
            return .failure(.invalid("status", "status must be completed, cancelled, refunded or returned"))
        }
        return .success(
            ValidOrder(
                index: index, orderID: order.orderID, customerID: order.customerID,
                placedAtMilliseconds: order.placedAtUnixMs, amountMinor: amount.minorUnits,
                currency: amount.currency, grossMarginMinor: order.grossMargin?.minorUnits,
                costMinor: order.cost?.minorUnits, platform: order.platform, itemCount: Int64(order.itemCount),
                status: order.status))
    }
}
