import CLVModels
import CLVProto
import Foundation
import Ingestion

/// Orders of customers who buy as BG/NBD says and spend as Gamma-Gamma says, with known
/// parameters (weeks; euro cents), acquired over the `acquisitionDays` before `calibrationEnd`
/// and observed until `observedUntil`.
struct SimulatedShop {
    let parameters: BGNBDParameters
    let customers: Int
    let calibrationEnd: CalendarDay
    let observedUntil: CalendarDay
    let acquisitionDays: Int
    var seed: UInt64 = 42
    /// Fader, Hardie & Lee's CDNOW estimates, in cents.
    var spend = GammaGammaParameters(p: 6.25, q: 3.74, gamma: 1_544)
    var prefix = "c"

    /// Every order, one per purchase day, placed at noon UTC.
    func orders() -> [Order] {
        var generator = SplitMix64(seed: seed)
        let simulator = BGNBDSimulator(parameters: parameters)
        let spender = GammaGammaSimulator(parameters: spend)
        var orders: [Order] = []
        for customer in 0..<customers {
            let firstDay = Int(calibrationEnd.daysSinceEpoch) - Int(generator.next() % UInt64(acquisitionDays))
            let observedWeeks = Double(Int(observedUntil.daysSinceEpoch) - firstDay) / 7
            let repeatWeeks = simulator.purchaseTimes(age: observedWeeks, using: &generator)
            var days = [firstDay] + repeatWeeks.map { firstDay + Int($0 * 7) }
            days = Array(Set(days)).sorted()
            let values = spender.transactionValues(count: days.count, using: &generator)
            for (index, day) in days.enumerated() {
                orders.append(order(customer: customer, index: index, day: day, cents: Int64(values[index].rounded(.up))))
            }
        }
        return orders
    }

    func order(customer: Int, index: Int, day: Int, cents: Int64) -> Order {
        Order(
            orderID: "\(prefix)\(customer)-o\(index)", customerID: "\(prefix)\(customer)",
            placedAtUnixMs: Int64(day) * 86_400_000 + 43_200_000,
            amount: Money(minorUnits: cents, currency: "EUR"), grossMargin: Money(minorUnits: cents * 3 / 10, currency: "EUR"),
            platform: "web", itemCount: 1, status: .completed)
    }

    static func day(_ offsetFromToday: Int) -> CalendarDay {
        CalendarDay(daysSinceEpoch: CalendarDay.today.daysSinceEpoch + Int32(offsetFromToday))
    }
}
