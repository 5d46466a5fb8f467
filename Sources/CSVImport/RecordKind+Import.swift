import CLVProto
import CLVStubs
import Ingestion
import RPC

extension RecordKind {
    /// Imports `options.input` as records of this kind over `slot`, with the matching
    /// `IngestionRPC.Client` call and row mapper.
    public func runImport(
        _ options: ImportOptions, over slot: ConnectionSlot, callOptions: CallOptions = CallOptions(),
        counters: ImportCounters = ImportCounters(), progress: ProgressDisplay? = nil
    ) async throws -> ImportSummary {
        switch self {
        case .customers:
            let send: BatchSend<Customer> = slot.sender(options: callOptions) { client, batch, call throws(RPCError) in
                try await client.upsertCustomers(batch, options: call)
            }
            return try await CSVImporter<CustomerRowMapper>(options: options, counters: counters, send: send).run(progress: progress)
        case .orders:
            let send: BatchSend<Order> = slot.sender(options: callOptions) { client, batch, call throws(RPCError) in
                try await client.ingestOrders(batch, options: call)
            }
            return try await CSVImporter<OrderRowMapper>(options: options, counters: counters, send: send).run(progress: progress)
        case .events:
            let send: BatchSend<Event> = slot.sender(options: callOptions) { client, batch, call throws(RPCError) in
                try await client.ingestEvents(batch, options: call)
            }
            return try await CSVImporter<EventRowMapper>(options: options, counters: counters, send: send).run(progress: progress)
        case .rates:
            let send: BatchSend<ExchangeRate> = slot.sender(options: callOptions) { client, batch, call throws(RPCError) in
                try await client.upsertExchangeRates(batch, options: call)
            }
            return try await CSVImporter<ExchangeRateRowMapper>(options: options, counters: counters, send: send).run(progress: progress)
        }
    }
}
