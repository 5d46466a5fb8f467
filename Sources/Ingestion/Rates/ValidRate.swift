/// An exchange rate that passed validation.
struct ValidRate: Sendable {
    let index: Int
    let currency: String
    let day: CalendarDay
    let rate: DecimalRate

    var recordID: String { "\(currency)/\(day.text)" }
}
