import CLVProto

/// A `ShopHistory` as a careless sender delivers it: orders in random order, events newest
/// first, both in small batches of random size, with replays of records already sent. Every
/// second status change arrives before the order it changes, the others after it.
struct ShuffledDelivery {
    let orderBatches: [[Order]]
    let eventBatches: [[Event]]
    /// Status changes that arrive after their completed order (and so update it).
    let changesAfterOrder: Int
    /// Orders sent a second time after their first delivery.
    let replays: Int
    /// Events sent a second time after their first delivery.
    let eventReplays: Int

    init(history: ShopHistory, random: inout SeededGenerator) {
        var orders = (history.orders + history.statusChanges).shuffled(using: &random)
        var changesAfterOrder = 0
        for (number, change) in history.statusChanges.enumerated() {
            var original = change
            original.status = .completed
            let changeAt = orders.firstIndex(of: change)!
            let originalAt = orders.firstIndex(of: original)!
            let changeFirst = number.isMultiple(of: 2)
            if (changeAt < originalAt) != changeFirst { orders.swapAt(changeAt, originalAt) }
            if !changeFirst { changesAfterOrder += 1 }
        }
        let changedIDs = Set(history.statusChanges.map(\.orderID))
        let unchangedOrders = history.orders.filter { !changedIDs.contains($0.orderID) }
        var replays = 0
        for _ in 0..<15 {
            let order = unchangedOrders.randomElement(using: &random)!
            let firstAt = orders.firstIndex(of: order)!
            orders.insert(order, at: Int.random(in: (firstAt + 1)...orders.count, using: &random))
            replays += 1
        }
        // A change sent twice, the second time after everything else.
        for (number, change) in history.statusChanges.enumerated() where number.isMultiple(of: 3) {
            orders.append(change)
            replays += 1
        }

        var events = Array(history.events.reversed())
        for _ in 0..<12 {
            let event = history.events.randomElement(using: &random)!
            let firstAt = events.firstIndex(of: event)!
            events.insert(event, at: Int.random(in: (firstAt + 1)...events.count, using: &random))
        }

        self.orderBatches = Self.batches(of: orders, largest: 7, random: &random)
        self.eventBatches = Self.batches(of: events, largest: 5, random: &random)
        self.changesAfterOrder = changesAfterOrder
        self.replays = replays
        self.eventReplays = 12
    }

    private static func batches<Record>(of records: [Record], largest: Int, random: inout SeededGenerator) -> [[Record]] {
        var batches: [[Record]] = []
        var start = 0
        while start < records.count {
            let end = min(records.count, start + Int.random(in: 1...largest, using: &random))
            batches.append(Array(records[start..<end]))
            start = end
        }
        return batches
    }
}
