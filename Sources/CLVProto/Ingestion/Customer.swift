/// `clv.ingestion.v1.Customer`: a customer as the shop describes them.
public struct Customer: Sendable, Hashable {
    /// The shop's own identifier.
    public var customerID: String
    /// ISO 3166-1 alpha-2 country; empty when unknown.
    public var market: String
    /// How the customer was acquired; empty when unknown.
    public var acquisitionChannel: String
    public var acquisitionCost: Money?
    /// `YYYY-MM-DD`; empty when unknown.
    public var acquiredOn: String
    /// Personal data, hashed by the service on arrival.
    public var email: String
    public var phone: String
    public var attributes: [String: String]

    public init(
        customerID: String, market: String = "", acquisitionChannel: String = "",
        acquisitionCost: Money? = nil, acquiredOn: String = "", email: String = "", phone: String = "",
        attributes: [String: String] = [:]
    ) {
        self.customerID = customerID
        self.market = market
        self.acquisitionChannel = acquisitionChannel
        self.acquisitionCost = acquisitionCost
        self.acquiredOn = acquiredOn
        self.email = email
        self.phone = phone
        self.attributes = attributes
    }
}
