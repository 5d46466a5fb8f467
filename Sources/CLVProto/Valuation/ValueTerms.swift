/// `clv.valuation.v1.ValueTerms`: how values are computed — over what horizon, discounted at what
/// rate, at what margin.
///
/// In a request, `nil` asks for the default (one year, 10 % a year, the run's observed margin or 1);
/// zero is a value like any other (a discount rate of 0 is undiscounted). In a response every
/// figure is set and is the one used.
public struct ValueTerms: Sendable, Hashable {
    /// Days in a year, and so in a horizon of years or months.
    public static let daysPerYear = 365.2425

    /// The horizon in days.
    public var horizonDays: Double?
    /// Per year, as a fraction: 0.1 for 10 %.
    public var annualDiscountRate: Double?
    /// Gross margin over revenue, 0 to 1; 1 values revenue.
    public var marginRate: Double?

    public init(horizonDays: Double? = nil, annualDiscountRate: Double? = nil, marginRate: Double? = nil) {
        self.horizonDays = horizonDays
        self.annualDiscountRate = annualDiscountRate
        self.marginRate = marginRate
    }
}
