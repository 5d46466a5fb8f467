/// A currency on a day: what an exchange rate is stored under.
struct RateKey: Hashable, Sendable {
    let currency: String
    let day: CalendarDay
}
