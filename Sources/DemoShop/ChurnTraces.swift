import CLVModels
import CLVProto

/// What a churner's true cause leaves behind in their last months, around their last one to
/// three orders: events whose `reason` names it, and orders changed the way it changes them.
///
/// It works on the records the customer's ordinary life already produced and draws only from
/// its own generator, so survivors' records stay as they were and the shop's main random stream
/// is not disturbed.
struct ChurnTraces {
    let cause: CLVModels.ChurnDriver
    /// The customer's records, with their positions in `DemoShopData`.
    let life: CustomerLife
    let firstOrder: Int
    let firstEvent: Int

    /// Shares of the causes among churners.
    static let shares: [(cause: CLVModels.ChurnDriver, share: Double)] = [
        (.logistics, 0.2), (.productQuality, 0.2), (.price, 0.2), (.service, 0.15), (.payment, 0.1), (.disengagement, 0.15),
    ]

    static func cause(using generator: inout some RandomNumberGenerator) -> CLVModels.ChurnDriver {
        DemoShopGenerator.pick(shares, share: \.share, using: &generator).cause
    }

    /// Leaves the cause's traces in `data`.
    func apply(to data: inout DemoShopData, using generator: inout some RandomNumberGenerator) {
        let orders = Array(firstOrder..<data.orders.count)
        guard let last = orders.last else { return }
        let traced = orders.suffix(Int.random(in: 1...3, using: &generator))
        for position in traced {
            let at = data.orders[position].placedAtUnixMs
            let index = position - firstOrder
            switch cause {
            case .logistics:
                add(.complaint, at: at + days(8...16, &generator), "lc\(index)", to: &data, using: &generator)
                if Bool.random(using: &generator) {
                    add(.returnRequested, at: at + days(17...24, &generator), "lr\(index)", to: &data, using: &generator)
                }
            case .productQuality:
                data.orders[position].status = .returned
                // The order's ordinary events: no cancellation of a returned order, its reason on its return.
                if let cancelled = data.events[firstEvent...].firstIndex(where: { $0.eventID == life.eventID("x\(index)") }) {
                    data.events.remove(at: cancelled)
                }
                add(.returnRequested, at: at + 5 * CustomerLife.day, "r\(index)", to: &data, using: &generator)
                if Double.random(in: 0..<1, using: &generator) < 0.6 {
                    add(.negativeReview, at: at + 9 * CustomerLife.day, "n\(index)", to: &data, using: &generator)
                }
            case .price:
                // Smaller baskets before leaving: a third to a half of what the order would have been.
                let factor = Double.random(in: 0.3...0.5, using: &generator)
                data.orders[position].amount?.minorUnits.scale(by: factor)
                data.orders[position].grossMargin?.minorUnits.scale(by: factor)
                add(.cartAbandoned, at: at - days(1...6, &generator), "pa\(index)", to: &data, using: &generator)
                if Bool.random(using: &generator) {
                    add(.cartAbandoned, at: at + days(7...25, &generator), "pb\(index)", to: &data, using: &generator)
                }
            case .service:
                add(.supportTicket, at: at + days(3...10, &generator), "st\(index)", to: &data, using: &generator)
                add(.complaint, at: at + days(12...20, &generator), "sc\(index)", to: &data, using: &generator)
            case .payment:
                add(.paymentFailed, at: at - 120_000, "pf\(index)", to: &data, using: &generator)
            case .disengagement:
                break
            }
        }
        if cause == .payment { failedLastAttempt(after: data.orders[last], index: orders.count, to: &data, using: &generator) }
        if cause == .disengagement { fadeOut(lastPurchase: data.orders[last].placedAtUnixMs, in: &data, using: &generator) }
    }

    /// A last order after the last purchase, cancelled because the card was declined.
    private func failedLastAttempt(after order: Order, index: Int, to data: inout DemoShopData, using generator: inout some RandomNumberGenerator) {
        let at = order.placedAtUnixMs + days(10...40, &generator)
        guard life.isWithinHistory(at + 3_600_000) else { return }
        var attempt = order
        attempt.orderID = "\(life.id)-o\(index)"
        attempt.placedAtUnixMs = at
        attempt.status = .cancelled
        data.orders.append(attempt)
        add(.paymentFailed, at: at - 60_000, "pf\(index)", to: &data, using: &generator)
        add(.orderCancelled, at: at + 3_600_000, "x\(index)", reason: "payment failed", to: &data, using: &generator)
    }

    /// Disengagement: newsletter opens thin out from months before the last purchase and stop a
    /// month before it; no complaint of any kind in that time.
    private func fadeOut(lastPurchase: Int64, in data: inout DemoShopData, using generator: inout some RandomNumberGenerator) {
        let stop = lastPurchase - 30 * CustomerLife.day
        let start = stop - days(60...150, &generator)
        var dropped: Set<Int64> = []
        var kept: [Event] = []
        for event in data.events[firstEvent...] {
            switch event.type {
            case .emailOpened:
                let fade = Double(event.occurredAtUnixMs - start) / Double(stop - start)
                if fade > 0 && Double.random(in: 0..<1, using: &generator) < fade {
                    dropped.insert(event.occurredAtUnixMs / CustomerLife.day)
                    continue
                }
            case .emailClicked:
                // A click follows its open out.
                if dropped.contains(event.occurredAtUnixMs / CustomerLife.day) { continue }
            case .complaint, .supportTicket, .negativeReview, .paymentFailed, .cartAbandoned:
                if event.occurredAtUnixMs >= start { continue }
            default:
                break
            }
            kept.append(event)
        }
        data.events.replaceSubrange(firstEvent..., with: kept)
    }

    /// An event with a reason of the cause (or `reason`); when the customer already has an event
    /// of that id (an ordinary return, say), that event gets the reason instead.
    private func add(
        _ type: EventType, at milliseconds: Int64, _ index: String, reason: String? = nil,
        to data: inout DemoShopData, using generator: inout some RandomNumberGenerator
    ) {
        let text = reason ?? ChurnReasons.of(cause).randomElement(using: &generator) ?? ""
        let id = life.eventID(index)
        guard life.isWithinHistory(milliseconds) else { return }
        if let stored = data.events[firstEvent...].firstIndex(where: { $0.eventID == id }) {
            data.events[stored].attributes["reason"] = text
        } else {
            data.events.append(Event(eventID: id, customerID: life.id, occurredAtUnixMs: milliseconds, type: type, attributes: ["reason": text]))
        }
    }

    private func days(_ range: ClosedRange<Int64>, _ generator: inout some RandomNumberGenerator) -> Int64 {
        Int64.random(in: range, using: &generator) * CustomerLife.day
    }
}

extension Int64 {
    /// Times `factor`, rounded: an amount in minor units made smaller.
    fileprivate mutating func scale(by factor: Double) {
        self = Int64((Double(self) * factor).rounded())
    }
}
