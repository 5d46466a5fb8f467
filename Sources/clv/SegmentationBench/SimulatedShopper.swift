import CLVModels

/// One simulated customer of the segmentation benchmark: where they buy from, how they were
/// acquired, their purchase days (as `SimulatedCustomer`) and whether BG/NBD had them drop out
/// after their last purchase, which their events then echo.
struct SimulatedShopper: Sendable {
    let id: Int
    let market: String
    let channel: String
    /// UTC days since the epoch, distinct, ascending; the first is the acquisition.
    let days: [Int32]
    /// Each day's purchase in cents.
    let values: [Int64]
    let droppedOut: Bool

    static let markets = ["DE", "FR", "GB", "US", "ES", "IT", "NL", "PL"]
    static let channels = ["organic", "paid_search", "social", "email", "referral", "marketplace"]

    /// Customers acquired uniformly over the `acquisitionDays` up to `lastDay`, buying as BG/NBD
    /// says (weeks) and spending as Gamma-Gamma says (cents); deterministic for a seed.
    static func population(
        count: Int, purchase: BGNBDParameters, spend: GammaGammaParameters, lastDay: Int32, acquisitionDays: Int, seed: UInt64
    ) -> [SimulatedShopper] {
        var generator = SplitMix64(seed: seed)
        let buyer = BGNBDSimulator(parameters: purchase)
        let spender = GammaGammaSimulator(parameters: spend)
        return (0..<count).map { id in
            let first = lastDay - Int32(generator.next() % UInt64(acquisitionDays))
            // Skewed towards the first markets and channels, as a shop's mix is.
            let market = markets[Int(min(generator.next() % 16, generator.next() % 16) / 2)]
            let channel = channels[Int(generator.next() % UInt64(channels.count))]
            let life = buyer.lifetime(age: Double(lastDay - first) / 7, using: &generator)
            var days = [first]
            for week in life.purchaseTimes {
                let day = first + Int32(week * 7)
                if day != days[days.count - 1] { days.append(day) }
            }
            let values = spender.transactionValues(count: days.count, using: &generator).map { Int64($0.rounded(.up)) }
            return SimulatedShopper(
                id: id, market: market, channel: channel, days: days, values: values, droppedOut: life.droppedOut)
        }
    }
}
