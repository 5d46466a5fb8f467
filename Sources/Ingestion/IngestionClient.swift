import CLVProto
import RPC

/// Typed stub for `clv.ingestion.v1.Ingestion`.
///
/// Every batch call is idempotent: after a timeout or a lost connection, send the same batch
/// again. Bulk loads send many batches with several in flight on one connection.
public struct IngestionClient: Sendable {
    public let client: RPCClient

    public init(client: RPCClient) {
        self.client = client
    }

    /// Sets the shop's base currency; it can be set once.
    public func setBaseCurrency(_ currency: String, options: CallOptions = CallOptions()) async throws(RPCError) -> SetBaseCurrencyResponse {
        try await client.unary(IngestionMethods.setBaseCurrency, SetBaseCurrencyRequest(currency: currency), options: options)
    }

    public func upsertCustomers(_ customers: [Customer], options: CallOptions = CallOptions()) async throws(RPCError) -> IngestResponse {
        try await client.unary(IngestionMethods.upsertCustomers, UpsertCustomersRequest(customers), options: options)
    }

    public func ingestOrders(_ orders: [Order], options: CallOptions = CallOptions()) async throws(RPCError) -> IngestResponse {
        try await client.unary(IngestionMethods.ingestOrders, IngestOrdersRequest(orders), options: options)
    }

    public func ingestEvents(_ events: [Event], options: CallOptions = CallOptions()) async throws(RPCError) -> IngestResponse {
        try await client.unary(IngestionMethods.ingestEvents, IngestEventsRequest(events), options: options)
    }

    public func upsertExchangeRates(_ rates: [ExchangeRate], options: CallOptions = CallOptions()) async throws(RPCError) -> IngestResponse {
        try await client.unary(IngestionMethods.upsertExchangeRates, UpsertExchangeRatesRequest(rates), options: options)
    }

    /// Erases every row that names the customer; NOT_FOUND when none does.
    public func forgetCustomer(_ customerID: String, options: CallOptions = CallOptions()) async throws(RPCError) -> ForgetCustomerResponse {
        try await client.unary(IngestionMethods.forgetCustomer, ForgetCustomerRequest(customerID: customerID), options: options)
    }

    /// Erases up to 10,000 customers, in chunks of one transaction each; ids no row names come
    /// back with 0 rows. Idempotent: after a lost connection, send the same ids again.
    public func forgetCustomers(_ customerIDs: [String], options: CallOptions = CallOptions()) async throws(RPCError) -> ForgetCustomersResponse {
        try await client.unary(IngestionMethods.forgetCustomers, ForgetCustomersRequest(customerIDs: customerIDs), options: options)
    }

    /// One page of stored customer ids in byte order, those after `after` that start with `prefix`.
    public func listCustomerIDs(
        prefix: String = "", after: String = "", limit: UInt32 = 0, options: CallOptions = CallOptions()
    ) async throws(RPCError) -> ListCustomerIDsResponse {
        try await client.unary(
            IngestionMethods.listCustomerIDs, ListCustomerIDsRequest(prefix: prefix, after: after, limit: limit), options: options)
    }

    public func stats(options: CallOptions = CallOptions()) async throws(RPCError) -> IngestionStats {
        try await client.unary(IngestionMethods.getStats, GetStatsRequest(), options: options)
    }
}
