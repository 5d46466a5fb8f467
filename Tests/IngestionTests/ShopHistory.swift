import CLVProto
import Ingestion

/// Some weeks of a shop's orders and events, generated from a seed: several customers, several
/// orders a day, cancelled and returned orders, margins given and derived from cost, USD orders
/// with their rates, orders on both edges of a UTC midnight, and completed orders that are
/// refunded or returned later; events in three UTC months, some with a `reason` to classify.
struct ShopHistory {
    /// A rate for every (USD, day) an order needs.
    let rates: [ExchangeRate]
    /// Every order as first sent, in placed_at order.
    let orders: [Order]
    /// Later status changes of some completed orders (refunded or returned), in order of orders.
    let statusChanges: [Order]
    /// Every event, in occurred_at order.
    let events: [Event]

    static let days = 40
    /// The first day of the history: 40 days before `Fixtures.monday`, at 00:00 UTC.
    static let start = Fixtures.monday - 10 * WallClock.hour - Int64(days) * Fixtures.day

    static func make(seed: UInt64 = 0x5EED) -> ShopHistory {
        var random = SeededGenerator(seed: seed)
        var orders: [Order] = []
        for index in 0..<160 {
            orders.append(order(index, random: &random))
        }
        // A customer who only ever cancelled, and one whose only purchase is refunded later.
        orders.append(Fixtures.order("o-cancel-1", customer: "c-cancel-only", at: start + 3 * Fixtures.day, status: .cancelled))
        orders.append(Fixtures.order("o-cancel-2", customer: "c-cancel-only", at: start + 9 * Fixtures.day, status: .cancelled))
        orders.append(Fixtures.order("o-refund-all", customer: "c-refund-all", at: start + 5 * Fixtures.day, cents: 7_700))
        orders.sort { ($0.placedAtUnixMs, $0.orderID) < ($1.placedAtUnixMs, $1.orderID) }

        var statusChanges: [Order] = []
        for (position, order) in orders.enumerated() where order.status == .completed {
            guard position.isMultiple(of: 5) || order.orderID == "o-refund-all" else { continue }
            var change = order
            change.status = statusChanges.count.isMultiple(of: 3) ? .returned : .refunded
            statusChanges.append(change)
        }

        let usdDays = Set(orders.filter { $0.amount?.currency == "USD" }.map { CalendarDay(unixMilliseconds: $0.placedAtUnixMs) })
        let rates = usdDays.sorted().map { day in
            ExchangeRate(currency: "USD", date: day.text, rate: "0.\(9_100 + Int(day.daysSinceEpoch) % 400)7")
        }

        var events: [Event] = []
        for index in 0..<140 {
            events.append(event(index, random: &random))
        }
        events.sort { ($0.occurredAtUnixMs, $0.eventID) < ($1.occurredAtUnixMs, $1.eventID) }
        return ShopHistory(rates: rates, orders: orders, statusChanges: statusChanges, events: events)
    }

    /// A moment of day `day`: midnight, the last millisecond before the next, or any time between.
    private static func instant(onDay day: Int, random: inout SeededGenerator) -> Int64 {
        let dayStart = start + Int64(day) * Fixtures.day
        switch random.next() % 5 {
        case 0: return dayStart
        case 1: return dayStart + Fixtures.day - 1
        default: return dayStart + Int64(random.next() % UInt64(Fixtures.day))
        }
    }

    private static func order(_ index: Int, random: inout SeededGenerator) -> Order {
        let customer = "c-\(random.next() % 8)"
        let placedAt = instant(onDay: Int(random.next() % UInt64(days)), random: &random)
        let cents = 100 + Int64(random.next() % 50_000)
        let currency = random.next() % 6 == 0 ? "USD" : "EUR"
        let status: OrderStatus
        switch random.next() % 20 {
        case 0, 1: status = .cancelled
        case 2, 3: status = .refunded
        case 4: status = .returned
        default: status = .completed
        }
        var order = Fixtures.order("o-\(index)", customer: customer, at: placedAt, cents: cents, currency: currency, status: status)
        order.itemCount = 1 + UInt32(random.next() % 4)
        switch random.next() % 3 {
        case 0: order.grossMargin = Money(minorUnits: Int64(random.next() % UInt64(cents + 1)), currency: currency)
        case 1: order.cost = Money(minorUnits: Int64(random.next() % UInt64(cents + cents / 2)), currency: currency)
        default: break
        }
        return order
    }

    private static func event(_ index: Int, random: inout SeededGenerator) -> Event {
        let types: [EventType] = [.emailOpened, .emailClicked, .siteVisit, .cartAbandoned, .complaint, .surveyAnswered]
        let scores: [Double] = [0, 0.1, 3.5, 7.25, 9.1, 10, 2.2]
        let customer = random.next() % 9 == 0 ? "c-events-only" : "c-\(random.next() % 8)"
        let type = types[Int(random.next() % UInt64(types.count))]
        var event = Fixtures.event(
            "e-\(index)", customer: customer, at: instant(onDay: Int(random.next() % UInt64(days)), random: &random), type: type)
        if type == .surveyAnswered { event.score = SurveyScore(value: scores[Int(random.next() % UInt64(scores.count))]) }
        if random.next() % 3 == 0 { event.attributes = ["campaign": "spring-\(random.next() % 3)"] }
        // Chosen by index, not by the generator, so the rest of the history stays as it was.
        if index % 3 == 1 { event.attributes["reason"] = reasons[index / 3 % reasons.count] }
        return event
    }

    /// Reasons of every driver, one with keywords of two, one with none.
    static let reasons = [
        "Parcel arrived late", "too expensive", "Damaged in transit", "no response from support", "card declined",
        "poor quality", "just browsing",
    ]
}
