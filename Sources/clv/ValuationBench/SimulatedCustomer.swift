import CLVModels

/// One simulated customer: their purchase days (UTC days since the epoch, distinct, ascending,
/// the first being the acquisition) and what each day's purchase was worth, in cents.
struct SimulatedCustomer: Sendable {
    let id: Int
    let days: [Int32]
    let values: [Int64]

    /// The models' view of the customer at the end of `lastDay`, in weeks.
    func summary(lastDay: Int32) -> (history: PurchaseHistory, meanRepeatValue: Double) {
        let first = days[0]
        let history = PurchaseHistory(
            frequency: days.count - 1, recency: Double(days[days.count - 1] - first) / 7, age: Double(lastDay - first) / 7)
        let repeatValue = values.dropFirst().reduce(0, +)
        return (history, history.frequency > 0 ? Double(repeatValue) / Double(history.frequency) : 0)
    }

    /// Customers acquired uniformly over the `acquisitionDays` up to `lastDay`, buying as
    /// BG/NBD says (weeks) and spending as Gamma-Gamma says (cents).
    static func population(
        count: Int, purchase: BGNBDParameters, spend: GammaGammaParameters, lastDay: Int32, acquisitionDays: Int, seed: UInt64
    ) -> [SimulatedCustomer] {
        var generator = SplitMix64(seed: seed)
        let buyer = BGNBDSimulator(parameters: purchase)
        let spender = GammaGammaSimulator(parameters: spend)
        return (0..<count).map { id in
            let first = lastDay - Int32(generator.next() % UInt64(acquisitionDays))
            let weeks = buyer.purchaseTimes(age: Double(lastDay - first) / 7, using: &generator)
            var days = [first]
            for week in weeks {
                let day = first + Int32(week * 7)
                if day != days[days.count - 1] { days.append(day) }
            }
            let values = spender.transactionValues(count: days.count, using: &generator).map { Int64($0.rounded(.up)) }
            return SimulatedCustomer(id: id, days: days, values: values)
        }
    }
}
