import CLVModels
import CLVProto
import Foundation
import Ingestion

/// One demo customer's life: their description, orders and behaviour events.
struct CustomerLife {
    let id: String
    let market: Market
    let channel: Channel
    let firstDay: Int32
    let lastDay: Int32

    /// Purchase intensity by month, January first: a Black-Friday-and-Christmas shop.
    static let season = [0.8, 0.7, 0.85, 0.9, 0.9, 0.85, 0.8, 0.8, 0.9, 1.0, 1.35, 1.5]
    static let peak = 1.5
    static let day: Int64 = 86_400_000

    /// Appends the customer's records. `traces` draws what survivors' records do not depend on
    /// (the cause of a churner and its traces), so that `generator` draws what it always drew.
    func append(to data: inout DemoShopData, using generator: inout some RandomNumberGenerator, traces: inout some RandomNumberGenerator) {
        let firstOrder = data.orders.count
        let firstEvent = data.events.count
        var purchases = market.purchases
        purchases.alpha /= channel.rateFactor
        let (weeks, droppedOut) = BGNBDSimulator(parameters: purchases).lifetime(age: Double(lastDay - firstDay) / 7, using: &generator)
        var days = [firstDay]
        for week in weeks {
            let day = firstDay + Int32(week * 7)
            // Seasonality: a purchase in a quiet month happens with a lower probability.
            guard Double.random(in: 0..<1, using: &generator) < Self.season[Self.month(day)] / Self.peak else { continue }
            if day != days[days.count - 1] { days.append(day) }
        }
        let values = GammaGammaSimulator(parameters: market.spend).transactionValues(count: days.count, using: &generator)
        let cost = channel.averageCost * Double.random(in: 0.6...1.4, using: &generator)
        data.customers.append(
            Customer(
                customerID: id, market: market.country, acquisitionChannel: channel.name,
                acquisitionCost: cost > 0 ? Money(minorUnits: minorUnits(euroCents: cost, day: firstDay), currency: market.currency) : nil,
                acquiredOn: CalendarDay(daysSinceEpoch: firstDay).text))
        var complained = false
        for (index, day) in days.enumerated() {
            let amount = minorUnits(euroCents: values[index], day: day)
            let roll = Double.random(in: 0..<1, using: &generator)
            let status: OrderStatus = roll < 0.015 ? .cancelled : roll < 0.04 ? .returned : .completed
            let at = Int64(day) * 86_400_000 + Int64.random(in: 28_800_000..<82_800_000, using: &generator)
            data.orders.append(
                Order(
                    orderID: "\(id)-o\(index)", customerID: id, placedAtUnixMs: at,
                    amount: Money(minorUnits: amount, currency: market.currency),
                    grossMargin: Money(minorUnits: amount * Int64.random(in: 30...45, using: &generator) / 100, currency: market.currency),
                    platform: channel.name == "marketplace" ? "marketplace" : "web", itemCount: UInt32.random(in: 1...4, using: &generator),
                    status: status))
            event(.siteVisit, at: at - 600_000, index: "v\(index)", to: &data)
            if status == .returned {
                event(.returnRequested, at: at + 5 * 86_400_000, index: "r\(index)", to: &data)
                if Double.random(in: 0..<1, using: &generator) < 0.4 {
                    event(.negativeReview, at: at + 9 * 86_400_000, index: "n\(index)", to: &data)
                    complained = true
                }
            }
            if status == .cancelled { event(.orderCancelled, at: at + 3_600_000, index: "x\(index)", to: &data) }
            if Double.random(in: 0..<1, using: &generator) < 0.15 {
                event(.cartAbandoned, at: at - 2 * 86_400_000, index: "a\(index)", to: &data)
            }
            if Double.random(in: 0..<1, using: &generator) < 0.02 {
                event(.paymentFailed, at: at - 120_000, index: "p\(index)", to: &data)
            }
        }
        // Newsletters every four weeks since acquisition: opened less the longer since the last purchase.
        let lastPurchase = days[days.count - 1]
        var send = firstDay + 28
        var sent = 0
        while send <= lastDay {
            let idleWeeks = Double(max(0, send - lastPurchase)) / 7
            let at = Int64(send) * 86_400_000 + 36_000_000
            if Double.random(in: 0..<1, using: &generator) < 0.45 * exp(-idleWeeks / 20) {
                event(.emailOpened, at: at, index: "e\(sent)", to: &data)
                if Double.random(in: 0..<1, using: &generator) < 0.25 { event(.emailClicked, at: at + 60_000, index: "k\(sent)", to: &data) }
            }
            send += 28
            sent += 1
        }
        if complained || Double.random(in: 0..<1, using: &generator) < 0.03 {
            event(.complaint, at: Int64(lastPurchase) * 86_400_000 + 86_400_000 * 6, index: "c", to: &data)
            event(.supportTicket, at: Int64(lastPurchase) * 86_400_000 + 86_400_000 * 6 + 600_000, index: "t", to: &data)
        }
        if Double.random(in: 0..<1, using: &generator) < 0.2 {
            let score = complained ? Double.random(in: 0...4, using: &generator).rounded() : Double.random(in: 6...10, using: &generator).rounded()
            event(.surveyAnswered, at: Int64(lastPurchase) * 86_400_000 + 3 * 86_400_000, index: "s", score: score, to: &data)
        }
        ChurnReasons.sprinkle(on: &data.events[firstEvent...], using: &traces)
        if droppedOut {
            let cause = ChurnTraces.cause(using: &traces)
            data.trueCauses[id] = cause
            ChurnTraces(cause: cause, life: self, firstOrder: firstOrder, firstEvent: firstEvent).apply(to: &data, using: &traces)
        }
    }

    func eventID(_ index: String) -> String { "\(id)-\(index)" }

    /// Only events up to the end of the shop's history are sent, and none long before the
    /// customer's first day.
    func isWithinHistory(_ milliseconds: Int64) -> Bool {
        milliseconds < (Int64(lastDay) + 1) * Self.day && milliseconds >= Int64(firstDay) * Self.day - 3 * Self.day
    }

    /// Only events up to the end of the shop's history are sent: every kind, the survey too, so
    /// that a demo ending yesterday stores nothing dated after now.
    private func event(_ type: EventType, at milliseconds: Int64, index: String, score: Double? = nil, to data: inout DemoShopData) {
        guard isWithinHistory(milliseconds) else { return }
        data.events.append(Event(eventID: eventID(index), customerID: id, occurredAtUnixMs: milliseconds, type: type, score: score.map { SurveyScore(value: $0) }))
    }

    /// Euro cents as minor units of the market's currency on `day`.
    private func minorUnits(euroCents: Double, day: Int32) -> Int64 {
        let major = euroCents / 100 * market.perEuro * DemoShopGenerator.drift(day: day, currency: market.currency)
        return Int64((major * (market.currency == "JPY" ? 1 : 100)).rounded())
    }

    static func month(_ day: Int32) -> Int {
        Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date(timeIntervalSince1970: Double(day) * 86_400)).month! - 1
    }
}
