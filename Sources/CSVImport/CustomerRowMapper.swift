import CLVProto

/// `customers` rows: customer_id, market, acquisition_channel, acquisition_cost (or
/// acquisition_cost_minor) with acquisition_cost_currency, acquired_on, email, phone, attr.NAME.
///
/// Market and currency codes are upper-cased and acquired_on is read in the file's time format;
/// the service validates market codes and dates and hashes e-mail and phone on arrival.
public struct CustomerRowMapper: RowMapper {
    private let customerID, market, channel, cost, costMinor, costCurrency, acquiredOn, email, phone: Int?
    private let attributes: [(name: String, index: Int)]

    public init(layout: ColumnLayout) {
        customerID = layout.index(of: "customer_id")
        market = layout.index(of: "market")
        channel = layout.index(of: "acquisition_channel")
        cost = layout.index(of: "acquisition_cost")
        costMinor = layout.index(of: "acquisition_cost_minor")
        costCurrency = layout.index(of: "acquisition_cost_currency")
        acquiredOn = layout.index(of: "acquired_on")
        email = layout.index(of: "email")
        phone = layout.index(of: "phone")
        attributes = layout.attributeColumns
    }

    public func record(from row: RowCells) throws(RowProblems) -> Customer {
        var problems = ProblemCollector()
        let id = problems.check { () throws(FieldProblem) in try row.required(self.customerID, field: "customer_id") }
        let currency = problems.check { () throws(FieldProblem) in try row.currency(self.costCurrency, field: "acquisition_cost_currency") }
        let cost = currency.flatMap { currency in
            problems.check { () throws(FieldProblem) in
                try row.money(
                    major: (self.cost, "acquisition_cost"), minor: (self.costMinor, "acquisition_cost_minor"),
                    currency: currency, currencyField: "acquisition_cost_currency")
            }
        }
        let acquiredOn = problems.check { () throws(FieldProblem) in try row.day(self.acquiredOn, field: "acquired_on") }
        try problems.finish()
        return Customer(
            customerID: id!,
            market: row.code(market) ?? "",
            acquisitionChannel: row.text(channel) ?? "",
            acquisitionCost: cost ?? nil,
            acquiredOn: (acquiredOn ?? nil) ?? "",
            email: row.token(email) ?? "",
            phone: row.token(phone) ?? "",
            attributes: row.attributes(attributes))
    }
}
