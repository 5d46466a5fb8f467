import CLVModels
import CLVProto
import Testing

@testable import DemoShop

/// The demo's churners: who leaves, for which true cause, and what their last months show.
@Suite("The demo shop's churners")
struct DemoChurnTests {
    static let data = DemoShopGenerator(customers: 5_000, seed: 1, lastDay: SimulatedShop.day(-1)).generate(baseCurrency: "EUR")

    /// Each customer's events and orders, by id.
    static let eventsByCustomer = Dictionary(grouping: data.events, by: \.customerID)
    static let ordersByCustomer = Dictionary(grouping: data.orders, by: \.customerID)

    @Test func churnersHaveTrueCausesInAboutTheirShares() {
        let causes = Self.data.trueCauses
        #expect(Set(causes.keys).isSubset(of: Set(Self.data.customers.map(\.customerID))))
        // BG/NBD with these markets: a good part of the customers leave within two years, not all.
        #expect(causes.count > 1_000 && causes.count < 4_000, "\(causes.count) churners")
        for (cause, share) in ChurnTraces.shares {
            let observed = Double(causes.values.filter { $0 == cause }.count) / Double(causes.count)
            #expect(abs(observed - share) < 0.04, "\(cause): \(observed)")
        }
    }

    @Test func theSameSeedGivesTheSameChurnersAndTraces() {
        let again = DemoShopGenerator(customers: 5_000, seed: 1, lastDay: SimulatedShop.day(-1)).generate(baseCurrency: "EUR")
        #expect(again.trueCauses == Self.data.trueCauses)
        #expect(again.events == Self.data.events && again.orders == Self.data.orders)
        let other = DemoShopGenerator(customers: 5_000, seed: 2, lastDay: SimulatedShop.day(-1)).generate(baseCurrency: "EUR")
        #expect(other.trueCauses.count != Self.data.trueCauses.count || other.events != Self.data.events)
    }

    /// The reasons on a churner's events are mostly their cause's; survivors' reasons are few.
    @Test func aChurnersReasonsNameTheirCause() {
        var agreeing = 0
        var traced = 0
        for (customer, cause) in Self.data.trueCauses where cause != .disengagement {
            let reasons = (Self.eventsByCustomer[customer] ?? []).compactMap { $0.attributes["reason"] }
            guard !reasons.isEmpty else { continue }
            traced += 1
            let own = reasons.filter(ChurnReasons.of(cause).contains).count
            if own * 2 > reasons.count { agreeing += 1 }
        }
        let churners = Self.data.trueCauses.values.filter { $0 != .disengagement }.count
        #expect(Double(traced) > 0.9 * Double(churners), "\(traced) of \(churners) churners left a reason")
        #expect(Double(agreeing) > 0.95 * Double(traced), "\(agreeing) of \(traced)")

        let survivors = Self.data.customers.map(\.customerID).filter { Self.data.trueCauses[$0] == nil }
        let survivorsWithReasons = survivors.filter { (Self.eventsByCustomer[$0] ?? []).contains { $0.attributes["reason"] != nil } }
        #expect(Double(survivorsWithReasons.count) < 0.1 * Double(survivors.count), "\(survivorsWithReasons.count) of \(survivors.count)")
    }

    @Test func disengagedChurnersFadeOutWithoutComplaining() {
        let quiet: Set<EventType> = [.complaint, .supportTicket, .negativeReview, .paymentFailed, .cartAbandoned, .emailOpened]
        let disengaged = Self.data.trueCauses.filter { $0.value == .disengagement }.map(\.key)
        #expect(disengaged.count > 100)
        for customer in disengaged {
            let lastOrder = (Self.ordersByCustomer[customer] ?? []).map(\.placedAtUnixMs).max() ?? 0
            let late = (Self.eventsByCustomer[customer] ?? []).filter { $0.occurredAtUnixMs >= lastOrder - 30 * CustomerLife.day && quiet.contains($0.type) }
            #expect(late.isEmpty, "\(customer): \(late.map(\.eventID))")
        }
    }

    @Test func priceChurnersLastOrdersAreSmallerAndPaymentChurnersLastAttemptFails() {
        func lastToEarlier(_ cause: CLVModels.ChurnDriver?) -> Double {
            var ratios: [Double] = []
            for customer in Self.data.customers.map(\.customerID) where Self.data.trueCauses[customer] == cause {
                let amounts = (Self.ordersByCustomer[customer] ?? []).filter { $0.status != .cancelled }.compactMap { $0.amount.map { Double($0.minorUnits) } }
                guard amounts.count >= 5 else { continue }
                ratios.append(amounts[amounts.count - 1] / (amounts.prefix(amounts.count - 3).reduce(0, +) / Double(amounts.count - 3)))
            }
            return ratios.sorted()[ratios.count / 2]
        }
        #expect(lastToEarlier(.price) < 0.6)
        #expect(lastToEarlier(nil) > 0.8)

        let paying = Self.data.trueCauses.filter { $0.value == .payment }.map(\.key)
        let failedLast = paying.filter { customer in
            let last = (Self.ordersByCustomer[customer] ?? []).max { $0.placedAtUnixMs < $1.placedAtUnixMs }
            return last?.status == .cancelled
                && (Self.eventsByCustomer[customer] ?? []).contains { $0.type == .orderCancelled && $0.attributes["reason"] == "payment failed" }
        }
        #expect(Double(failedLast.count) > 0.8 * Double(paying.count), "\(failedLast.count) of \(paying.count)")
    }
}
