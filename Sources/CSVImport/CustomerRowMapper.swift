import CLVProto

/// `customers` rows: customer_id, market, acquisition_channel, acquisition_cost (or
/// acquisition_cost_minor) with acquisition_cost_currency, acquired_on, email, phone, attr.NAME.
///
/// Texts pass through as written; the service validates market codes and dates and hashes
/// e-mail and phone on arrival.
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

    public func record(from row: RowCells) throws(FieldProblem) -> Customer {
        let currency = try row.currency(costCurrency, field: "acquisition_cost_currency")
        return Customer(
            customerID: try row.required(customerID, field: "customer_id"),
            market: row.token(market) ?? "",
            acquisitionChannel: row.text(channel) ?? "",
            acquisitionCost: try row.money(
                major: (cost, "acquisition_cost"), minor: (costMinor, "acquisition_cost_minor"),
                currency: currency, currencyField: "acquisition_cost_currency"),
            acquiredOn: row.token(acquiredOn) ?? "",
            email: row.token(email) ?? "",
            phone: row.token(phone) ?? "",
            attributes: row.attributes(attributes))
    }
}
