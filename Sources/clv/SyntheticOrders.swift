import CLVModels
import CLVProto

/// Orders that look like a shop's: several per customer over two years, most in the base
/// currency, some in USD, a few refunded or cancelled. Deterministic for a given seed.
struct SyntheticOrders {
    static let foreignCurrency = "USD"
    static let days = 730

    let runID: String
    let count: Int
    let customers: Int
    let baseCurrency: String
    /// Midnight UTC of the latest day orders are placed on, ms since the epoch.
    let lastDayMilliseconds: Int64

    init(runID: String, count: Int, ordersPerCustomer: Int = 5, baseCurrency: String, nowMilliseconds: Int64) {
        self.runID = runID
        self.count = count
        self.customers = max(1, count / ordersPerCustomer)
        self.baseCurrency = baseCurrency
        lastDayMilliseconds = (nowMilliseconds / 86_400_000 - 1) * 86_400_000
    }

    /// The days orders fall on, `YYYY-MM-DD`, oldest first: each needs a USD rate.
    var rateDays: [Int64] {
        (0..<Self.days).map { lastDayMilliseconds - Int64(Self.days - 1 - $0) * 86_400_000 }
    }

    func makeOrders() -> [Order] {
        var generator = SplitMix64(seed: 0x5EED_C1F0)
        let platforms = ["web", "amazon_de", "zalando", "app"]
        return (0..<count).map { index in
            let random = generator.next()
            let day = Int64(random % UInt64(Self.days))
            let placedAt = lastDayMilliseconds - day * 86_400_000 + Int64((random >> 20) % 86_400_000)
            let cents = Int64(500 + (random >> 8) % 49_500)
            let currency = (random >> 40) % 5 == 0 ? Self.foreignCurrency : baseCurrency
            let roll = (random >> 44) % 100
            let status: OrderStatus = roll < 95 ? .completed : roll < 98 ? .refunded : .cancelled
            let margin = (random >> 52) % 2 == 0 ? Money(minorUnits: cents * 3 / 10, currency: currency) : nil
            return Order(
                orderID: "\(runID)-o\(index)", customerID: "\(runID)-c\(Int(random >> 3) % customers)",
                placedAtUnixMs: placedAt, amount: Money(minorUnits: cents, currency: currency),
                grossMargin: margin, platform: platforms[Int(random >> 60) % platforms.count],
                itemCount: UInt32(1 + (random >> 56) % 5), status: status)
        }
    }
}
