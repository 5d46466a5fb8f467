import CLVProto
import CLVService
import CLVStubs
import Foundation
import Logging
import RPC
import Store

/// `clv.ingestion.v1.Ingestion`: the one door through which records enter the store.
///
/// Each batch runs in one transaction: its valid records commit together, or, if the server
/// dies mid-batch, none do; a client retrying the batch then stores it whole, and a replay of a
/// batch that did commit changes nothing.
public struct IngestionService: IngestionRPC.ServiceProtocol {
    private let pool: PGPool
    private let baseCurrency = BaseCurrencySetting()
    private let orders: OrderIngestor
    private let events = EventIngestor()
    private let customers: CustomerUpserter
    private let rates: RateUpserter

    public init(pool: PGPool, hasher: PIIHasher) {
        self.pool = pool
        let rateBook = RateBook()
        orders = OrderIngestor(baseCurrency: baseCurrency, rateBook: rateBook)
        customers = CustomerUpserter(baseCurrency: baseCurrency, rateBook: rateBook, hasher: hasher, keyCheck: PIIKeyCheck())
        rates = RateUpserter(baseCurrency: baseCurrency)
    }

    public func setBaseCurrency(_ request: SetBaseCurrencyRequest, context: ServerCallContext) async throws -> SetBaseCurrencyResponse {
        try await setBaseCurrency(request.currency)
    }

    public func upsertCustomers(_ request: UpsertCustomersRequest, context: ServerCallContext) async throws -> IngestResponse {
        try await batch(request.customers.count, field: "customers") { connection, now in
            try customers.upsert(request.customers, now: now, on: connection)
        }
    }

    public func ingestOrders(_ request: IngestOrdersRequest, context: ServerCallContext) async throws -> IngestResponse {
        do {
            return try await batch(request.orders.count, field: "orders") { connection, now in
                try orders.ingest(request.orders, now: now, bounded: false, on: connection)
            }
        } catch let error where Self.isBeyondBound(error) {
            // Rolled back; again, leaving out the orders beyond their customer's bound.
            return try await batch(request.orders.count, field: "orders") { connection, now in
                try orders.ingest(request.orders, now: now, bounded: true, on: connection)
            }
        }
    }

    public func ingestEvents(_ request: IngestEventsRequest, context: ServerCallContext) async throws -> IngestResponse {
        try await batch(request.events.count, field: "events") { connection, now in
            try events.ingest(request.events, now: now, on: connection)
        }
    }

    public func upsertExchangeRates(_ request: UpsertExchangeRatesRequest, context: ServerCallContext) async throws -> IngestResponse {
        try await batch(request.rates.count, field: "rates") { connection, now in
            try rates.upsert(request.rates, now: now, on: connection)
        }
    }

    public func forgetCustomer(_ request: ForgetCustomerRequest, context: ServerCallContext) async throws -> ForgetCustomerResponse {
        if let problem = FieldRules.identifier(request.customerID, field: "customer_id") {
            throw RPCError.invalidArgument(field: problem.field, problem.reason)
        }
        return try await TransactionRetry.run(pool) { connection in
            try CustomerEraser.forget(request.customerID, on: connection)
        }
    }

    public func forgetCustomers(_ request: ForgetCustomersRequest, context: ServerCallContext) async throws -> ForgetCustomersResponse {
        try await BulkErasure.forget(request, pool: pool)
    }

    public func listCustomerIDs(_ request: ListCustomerIdsRequest, context: ServerCallContext) async throws -> ListCustomerIdsResponse {
        try await pool.withConnection { connection in try CustomerIDListing.list(request, on: connection) }
    }

    public func getStats(_ request: GetStatsRequest, context: ServerCallContext) async throws -> IngestionStats {
        try await pool.withConnection { connection in try IngestionStatsReader.read(on: connection) }
    }

    private func setBaseCurrency(_ currency: String) async throws -> SetBaseCurrencyResponse {
        if case .failure(let problem) = FieldRules.currency(currency, field: "currency") {
            throw RPCError.invalidArgument(field: problem.field, problem.reason)
        }
        let baseCurrency = self.baseCurrency
        let changed = try await pool.withTransaction { connection in try baseCurrency.set(currency, on: connection) }
        return SetBaseCurrencyResponse(currency: currency, changed: changed)
    }

    /// A batch whose fast insert found a customer's totals beyond the bound, or whose sums left
    /// bigint before that check (22003, numeric_value_out_of_range).
    private static func isBeyondBound(_ error: any Error) -> Bool {
        if error is OrderIngestor.BeyondBound { return true }
        return (error as? StoreError)?.sqlState == "22003"
    }

    /// Runs one batch write in its own transaction, retried on deadlock.
    private func batch(
        _ count: Int, field: String, _ write: @escaping @Sendable (PGConnection, Int64) throws -> IngestResponse
    ) async throws -> IngestResponse {
        guard count <= IngestionLimits.maximumBatchRecords else {
            throw RPCError.invalidArgument(
                field: field, "\(count) records in one call; send at most \(IngestionLimits.maximumBatchRecords) per call")
        }
        let now = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        return try await TransactionRetry.run(pool) { connection in try write(connection, now) }
    }
}
