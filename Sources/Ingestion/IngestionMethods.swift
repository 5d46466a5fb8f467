import RPC

/// The methods of `clv.ingestion.v1.Ingestion` and the scopes they need.
public enum IngestionMethods {
    public static let serviceName = "clv.ingestion.v1.Ingestion"

    public static let setBaseCurrency = MethodDescriptor(service: serviceName, method: "SetBaseCurrency")
    public static let upsertCustomers = MethodDescriptor(service: serviceName, method: "UpsertCustomers")
    public static let ingestOrders = MethodDescriptor(service: serviceName, method: "IngestOrders")
    public static let ingestEvents = MethodDescriptor(service: serviceName, method: "IngestEvents")
    public static let upsertExchangeRates = MethodDescriptor(service: serviceName, method: "UpsertExchangeRates")
    public static let forgetCustomer = MethodDescriptor(service: serviceName, method: "ForgetCustomer")
    public static let forgetCustomers = MethodDescriptor(service: serviceName, method: "ForgetCustomers")
    public static let listCustomerIDs = MethodDescriptor(service: serviceName, method: "ListCustomerIds")
    public static let getStats = MethodDescriptor(service: serviceName, method: "GetStats")

    /// Writing records.
    public static let writeScope: AuthorizationScope = "ingestion.write"
    /// Reading the stats.
    public static let readScope: AuthorizationScope = "ingestion.read"
    /// Erasing a customer.
    public static let forgetScope: AuthorizationScope = "ingestion.forget"
    /// Shop-wide settings such as the base currency.
    public static let adminScope: AuthorizationScope = "ingestion.admin"
}
