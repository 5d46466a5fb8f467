/// The kinds of record the ingestion service takes, named as in its stats and counters.
enum RecordKind: String, Sendable, CaseIterable {
    case customers
    case orders
    case events
    case exchangeRates = "exchange_rates"
}
