import CLVProto
import Foundation
import Ingestion

/// Crafted customers, orders and events, dated in days before today (UTC noon).
enum ShopHistory {
    static let dayMilliseconds: Int64 = 86_400_000

    static var today: Int32 { CalendarDay.today.daysSinceEpoch }

    /// Noon UTC `daysAgo` days before today; today, a second ago (the door refuses the future).
    static func at(daysAgo: Int) -> Int64 {
        guard daysAgo > 0 else { return Int64(Date().timeIntervalSince1970 * 1000) - 1_000 }
        return (Int64(today) - Int64(daysAgo)) * dayMilliseconds + 43_200_000
    }

    static func customer(_ id: String, market: String = "DE", channel: String = "search") -> Customer {
        Customer(customerID: id, market: market, acquisitionChannel: channel)
    }

    /// One completed order per entry of `daysAgo`, worth `amount` euro cents each.
    static func orders(_ customerID: String, daysAgo: [Int], amount: Int64 = 5_000, status: OrderStatus = .completed) -> [Order] {
        daysAgo.enumerated().map { index, days in
            Order(
                orderID: "\(customerID)-o\(index)-\(days)", customerID: customerID, placedAtUnixMs: at(daysAgo: days),
                amount: Money(minorUnits: amount, currency: "EUR"), platform: "web", itemCount: 1, status: status)
        }
    }

    static func event(_ customerID: String, _ type: EventType, daysAgo: Int, reason: String? = nil, index: Int = 0) -> Event {
        Event(
            eventID: "\(customerID)-\(type.name)-\(daysAgo)-\(index)", customerID: customerID, occurredAtUnixMs: at(daysAgo: daysAgo),
            type: type, attributes: reason.map { ["reason": $0] } ?? [:])
    }
}
