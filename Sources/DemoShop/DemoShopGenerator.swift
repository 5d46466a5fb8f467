import CLVModels
import CLVProto
import Foundation
import Ingestion

/// A realistic cross-border shop, deterministic for a seed: customers in six markets and four
/// currencies, acquired over two years through five channels at their costs; purchases that
/// follow BG/NBD and Gamma-Gamma with each market's parameters, busier in November and
/// December; refunds and cancellations; and the behaviour events around them. Customers who drop
/// out before the end leave for one of the `ChurnDriver`s, and their last months show it.
public struct DemoShopGenerator: Sendable {
    public let customers: Int
    public let seed: UInt64
    /// The last day of the shop's history (yesterday for a live demo).
    public let lastDay: CalendarDay
    /// Prefixes every id, so several demos can share a store.
    public let idPrefix: String
    static let historyDays = 730

    public init(customers: Int, seed: UInt64, lastDay: CalendarDay) {
        self.customers = customers
        self.seed = seed
        self.lastDay = lastDay
        idPrefix = "demo\(seed)-"
    }

    public var firstDay: CalendarDay { CalendarDay(daysSinceEpoch: lastDay.daysSinceEpoch - Int32(Self.historyDays)) }

    public func generate(baseCurrency: String) -> DemoShopData {
        var generator = SplitMix64(seed: seed)
        // Churn causes and their traces draw from a stream of their own: survivors' records are
        // what they were before churners had causes.
        var traces = SplitMix64(seed: seed ^ 0xC4A5_E5D2_17B3_9F01)
        var data = DemoShopData()
        let currencies = Set(Market.all.map(\.currency) + [baseCurrency]).sorted()
        let basePerEuro = Market.all.first { $0.currency == baseCurrency }?.perEuro ?? 1
        for currency in currencies where currency != baseCurrency {
            let perEuro = Market.all.first { $0.currency == currency }!.perEuro
            for day in firstDay.daysSinceEpoch...lastDay.daysSinceEpoch {
                let rate = basePerEuro / (perEuro * Self.drift(day: day, currency: currency))
                data.rates.append(ExchangeRate(currency: currency, date: CalendarDay(daysSinceEpoch: day).text, rate: String(format: "%.10f", rate)))
            }
        }
        for index in 0..<customers {
            let market = Self.pick(Market.all, share: \.share, using: &generator)
            let channel = Self.pick(Channel.all, share: \.share, using: &generator)
            let customer = CustomerLife(
                id: idPrefix + "c\(index)", market: market, channel: channel,
                firstDay: firstDay.daysSinceEpoch + Int32(generator.next() % UInt64(Self.historyDays)), lastDay: lastDay.daysSinceEpoch)
            customer.append(to: &data, using: &generator, traces: &traces)
        }
        return data
    }

    /// Units of `currency` per euro move a few percent over the months, differently per currency.
    static func drift(day: Int32, currency: String) -> Double {
        let phase = Double(currency.unicodeScalars.reduce(0) { $0 + Int($1.value) })
        return 1 + 0.04 * sin(Double(day) / 57 + phase)
    }

    static func pick<T>(_ options: [T], share: KeyPath<T, Double>, using generator: inout some RandomNumberGenerator) -> T {
        var roll = Double.random(in: 0..<1, using: &generator)
        for option in options {
            roll -= option[keyPath: share]
            if roll < 0 { return option }
        }
        return options[options.count - 1]
    }
}
