import CLVProto
import Valuation

/// The terms figures were computed with, as `--json` and the tables print them: horizon,
/// discount, margin, and whether the money is margin or revenue.
struct TermsReport: Encodable {
    let horizonDays: Double?
    /// The horizon as a person says it: "3 years", "156 weeks".
    let horizon: String?
    let annualDiscountRate: Double?
    let marginRate: Double?
    /// "margin", or "revenue" when the margin used is 100 %.
    let basis: String?

    /// The terms a server answered with; absent ones (from an older server) are left out.
    init(_ terms: ValueTerms?) {
        let terms = terms ?? ValueTerms()
        horizonDays = terms.setHorizonDays
        horizon = terms.setHorizonDays.map { Horizon(days: $0).description }
        annualDiscountRate = terms.setAnnualDiscountRate
        marginRate = terms.setMarginRate
        basis = terms.setMarginRate.map { $0 >= 1 ? "revenue" : "margin" }
    }

    /// "over 3 years, discounted at 10.0 % a year, margin 35.0 %".
    var text: String {
        [
            horizon.map { "over \($0)" },
            annualDiscountRate.map { $0 == 0 ? "undiscounted" : "discounted at \(Format.percent($0)) a year" },
            marginRate.map { $0 >= 1 ? "revenue (margin 100 %)" : "margin \(Format.percent($0))" },
        ].compactMap { $0 }.joined(separator: ", ")
    }
}
