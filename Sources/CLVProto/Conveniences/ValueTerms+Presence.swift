/// `ValueTerms` with each figure's `has_` flag folded into an optional: in a request, nil asks
/// for the default (one year, 10 % a year, the run's observed margin or 1), and zero is a value
/// like any other (a discount rate of 0 is undiscounted).
extension ValueTerms {
    /// Days in a year, and so in a horizon of years or months.
    public static let daysPerYear = 365.2425

    /// Terms that set the figures given and leave the others to their defaults.
    public static func setting(horizonDays: Double? = nil, annualDiscountRate: Double? = nil, marginRate: Double? = nil) -> ValueTerms {
        ValueTerms(
            horizonDays: horizonDays ?? 0, hasHorizonDays: horizonDays != nil,
            annualDiscountRate: annualDiscountRate ?? 0, hasAnnualDiscountRate: annualDiscountRate != nil,
            marginRate: marginRate ?? 0, hasMarginRate: marginRate != nil)
    }

    /// The horizon in days, if set.
    public var setHorizonDays: Double? { hasHorizonDays ? horizonDays : nil }
    /// The annual discount rate, if set.
    public var setAnnualDiscountRate: Double? { hasAnnualDiscountRate ? annualDiscountRate : nil }
    /// The margin rate, if set.
    public var setMarginRate: Double? { hasMarginRate ? marginRate : nil }
}
