import CLVProto

/// An order that passed validation, with its amounts converted to the base currency.
struct ValidOrder: Sendable {
    let index: Int
    let orderID: String
    let customerID: String
    let placedAtMilliseconds: Int64
    let amountMinor: Int64
    let currency: String
    let grossMarginMinor: Int64?
    let costMinor: Int64?
    let platform: String
    let itemCount: Int64
    let status: OrderStatus
    var amountBaseMinor: Int64 = 0
    var marginBaseMinor: Int64?

    var day: CalendarDay { CalendarDay(unixMilliseconds: placedAtMilliseconds) }

    /// The gross margin in the order's currency: as given, or amount less cost.
    var marginMinor: Int64? {
        if let grossMarginMinor { return grossMarginMinor }
        return costMinor.map { amountMinor - $0 }
    }

    /// The first field other than the status that differs from `stored`, or nil when none does.
    func firstDifference(from stored: StoredOrder) -> String? {
        if customerID != stored.customerID { return "customer_id" }
        if placedAtMilliseconds != stored.placedAtMilliseconds { return "placed_at_unix_ms" }
        if amountMinor != stored.amountMinor { return "amount.minor_units" }
        if currency != stored.currency { return "amount.currency" }
        if grossMarginMinor != stored.grossMarginMinor { return "gross_margin" }
        if costMinor != stored.costMinor { return "cost" }
        if platform != stored.platform { return "platform" }
        if itemCount != stored.itemCount { return "item_count" }
        return nil
    }
}
