import CLVModels
import Ingestion
import Store

/// The ten events of one simulated shopper, as `events` COPY rows (event_id, customer_id,
/// occurred_at, type, attributes). Churn shows in them the way it does in a real shop: a
/// shopper who dropped out stopped opening mails and visiting after their last purchase, and
/// had trouble (complaints, returns, failed payments) in the quarter before it; a shopper who
/// stays engages throughout and rarely has trouble. Drawn from a generator of the shopper's own,
/// so the rows are the same for a seed whatever order they are made in.
enum SimulatedEvents {
    static let perShopper = 10

    static let engagement = ["email_opened", "email_opened", "email_opened", "email_clicked", "site_visit", "site_visit"]
    static let trouble = [
        "complaint", "return_requested", "negative_review", "support_ticket", "payment_failed", "order_cancelled", "cart_abandoned",
    ]
    /// Reasons that name each driver by `event_reason_keywords`, and two that name none.
    static let reasons = [
        "parcel arrived late", "damaged in transit", "wrong size", "stopped working after a week", "too expensive",
        "found it cheaper elsewhere", "no response from support", "the agent was rude", "card declined", "billing error",
        "changed my mind", "other",
    ]

    static func rows(_ shopper: SimulatedShopper, customerID: String, lastDay: Int32, seed: UInt64) -> [[PGValue]] {
        var generator = SplitMix64(seed: seed ^ (UInt64(shopper.id) &* 0x9E37_79B9_7F4A_7C15))
        func day(_ from: Int32, _ to: Int32) -> Int32 { from + Int32(generator.next() % UInt64(max(1, to - from + 1))) }
        let first = shopper.days[0]
        let end = shopper.droppedOut ? min(lastDay, shopper.days[shopper.days.count - 1] + Int32(generator.next() % 30)) : lastDay
        // Which kind of event the k-th is, and its day.
        func draw(_ k: Int) -> (type: String, day: Int32) {
            if shopper.droppedOut {
                switch k {
                case 0..<6:
                    let type = pick(engagement, &generator)
                    return (type, day(first, end))
                case 6:
                    let type = pick(engagement, &generator)
                    return (type, day(first, lastDay))
                default:
                    let type = pick(trouble, &generator)
                    return (type, day(max(first, end - 90), end))
                }
            }
            let troubled = k == 9 && generator.next() % 2 == 0
            let type = pick(troubled ? trouble : engagement, &generator)
            return (type, day(first, lastDay))
        }
        return (0..<perShopper).map { k -> [PGValue] in
            let (type, on) = draw(k)
            let reasoned = ["complaint", "return_requested", "negative_review", "support_ticket"].contains(type) && generator.next() % 10 < 7
            let attributes = reasoned ? #"{"reason": "\#(pick(reasons, &generator))"}"# : "{}"
            return [
                .text("\(customerID)-e\(k)"), .text(customerID), .text(timestamp(on, second: Int(generator.next() % 86_400))),
                .text(type), .text(attributes),
            ]
        }
    }

    private static func pick(_ choices: [String], _ generator: inout SplitMix64) -> String {
        choices[Int(generator.next() % UInt64(choices.count))]
    }

    /// `YYYY-MM-DD HH:MM:SS+00` without a formatter: ten million of these are written.
    private static func timestamp(_ day: Int32, second: Int) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return CalendarDay(daysSinceEpoch: day).text + " \(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))+00"
    }
}
