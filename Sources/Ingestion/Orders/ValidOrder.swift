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

    /// Whether everything but the status equals `stored`.
    func hasSameContent(as stored: StoredOrder) -> Bool {
        customerID == stored.customerID && placedAtMilliseconds == stored.placedAtMilliseconds
            && amountMinor == stored.amountMinor && currency == stored.currency
            && grossMarginMinor == stored.grossMarginMinor && costMinor == stored.costMinor
            && platform == stored.platform && itemCount == stored.itemCount
    }
}
