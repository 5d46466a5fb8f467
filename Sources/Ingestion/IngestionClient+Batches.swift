import CLVProto
import CLVStubs

/// The ingestion client's calls with their records as arguments.
///
/// Every batch call is idempotent: after a timeout or a lost connection, send the same batch
/// again. Bulk loads send many batches with several in flight on one connection.
extension IngestionRPC.Client {
    /// Sets the shop's base currency; it can be set once.
    public func setBaseCurrency(_ currency: String, options: CallOptions = CallOptions()) async throws(RPCError) -> SetBaseCurrencyResponse {
        try await setBaseCurrency(SetBaseCurrencyRequest(currency: currency), options: options)
    }

    public func upsertCustomers(_ customers: [Customer], options: CallOptions = CallOptions()) async throws(RPCError) -> IngestResponse {
        try await upsertCustomers(UpsertCustomersRequest(customers: customers), options: options)
    }

    public func ingestOrders(_ orders: [Order], options: CallOptions = CallOptions()) async throws(RPCError) -> IngestResponse {
        try await ingestOrders(IngestOrdersRequest(orders: orders), options: options)
    }

    public func ingestEvents(_ events: [Event], options: CallOptions = CallOptions()) async throws(RPCError) -> IngestResponse {
        try await ingestEvents(IngestEventsRequest(events: events), options: options)
    }

    public func upsertExchangeRates(_ rates: [ExchangeRate], options: CallOptions = CallOptions()) async throws(RPCError) -> IngestResponse {
        try await upsertExchangeRates(UpsertExchangeRatesRequest(rates: rates), options: options)
    }

    /// Erases every row that names the customer; NOT_FOUND when none does.
    public func forgetCustomer(_ customerID: String, options: CallOptions = CallOptions()) async throws(RPCError) -> ForgetCustomerResponse {
        try await forgetCustomer(ForgetCustomerRequest(customerID: customerID), options: options)
    }

    /// Erases up to 10,000 customers, in chunks of one transaction each; ids no row names come
    /// back with 0 rows.
    public func forgetCustomers(_ customerIDs: [String], options: CallOptions = CallOptions()) async throws(RPCError) -> ForgetCustomersResponse {
        try await forgetCustomers(ForgetCustomersRequest(customerIDs: customerIDs), options: options)
    }

    /// One page of stored customer ids in byte order, those after `after` that start with `prefix`.
    public func listCustomerIDs(
        prefix: String = "", after: String = "", limit: UInt32 = 0, options: CallOptions = CallOptions()
    ) async throws(RPCError) -> ListCustomerIdsResponse {
        try await listCustomerIDs(ListCustomerIdsRequest(prefix: prefix, after: after, limit: limit), options: options)
    }
}
