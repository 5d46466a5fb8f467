/// `clv.valuation.v1.ValueReportResponse`: the latest scoring's value by market or channel.
public struct ValueReportResponse: Sendable, Hashable {
    public var scoringID: Int64
    public var runID: Int64
    public var by: Grouping
    public var baseCurrency: String
    public var groups: [ValueGroup]
    public var customers: UInt64
    public var totalCLVBaseMinor: Double
    /// Share of all predicted value held by the top 20 % of customers by CLV.
    public var top20PercentShare: Double
    /// The requested number of most valuable customers, most valuable first.
    public var topCustomers: [TopCustomer]
    /// The scoring's terms: horizon, discount and margin.
    public var terms: ValueTerms

    public init(
        scoringID: Int64 = 0, runID: Int64 = 0, by: Grouping = .unspecified, baseCurrency: String = "",
        groups: [ValueGroup] = [], customers: UInt64 = 0, totalCLVBaseMinor: Double = 0,
        top20PercentShare: Double = 0, topCustomers: [TopCustomer] = [], terms: ValueTerms = ValueTerms()
    ) {
        self.scoringID = scoringID
        self.runID = runID
        self.by = by
        self.baseCurrency = baseCurrency
        self.groups = groups
        self.customers = customers
        self.totalCLVBaseMinor = totalCLVBaseMinor
        self.top20PercentShare = top20PercentShare
        self.topCustomers = topCustomers
        self.terms = terms
    }
}
