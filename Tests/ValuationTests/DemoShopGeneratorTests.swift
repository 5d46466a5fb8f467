import CLVProto
import DemoShop
import Foundation
import Ingestion
import Testing

@Suite("The demo shop's generator")
struct DemoShopGeneratorTests {
    /// The demo's history ends yesterday: no order or event of any kind (survey answers
    /// included, which come days after a last purchase) is dated after now.
    @Test func nothingIsDatedAfterTheLastDayOrNow() {
        let yesterday = CalendarDay(daysSinceEpoch: CalendarDay.today.daysSinceEpoch - 1)
        let endOfHistory = (Int64(yesterday.daysSinceEpoch) + 1) * 86_400_000
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let data = DemoShopGenerator(customers: 5_000, seed: 1, lastDay: yesterday).generate(baseCurrency: "EUR")
        let lateEvents = data.events.filter { $0.occurredAtUnixMs >= endOfHistory }
        #expect(lateEvents.isEmpty, "\(lateEvents.count) events after \(yesterday.text), e.g. \(lateEvents.prefix(3).map { "\($0.type) \($0.eventID)" })")
        #expect(data.events.allSatisfy { $0.occurredAtUnixMs <= now })
        #expect(data.orders.allSatisfy { $0.placedAtUnixMs < endOfHistory && $0.placedAtUnixMs <= now })
        // Survey answers are still there, only none from the future.
        #expect(data.events.contains { $0.type == .surveyAnswered && $0.score != nil })
    }
}
