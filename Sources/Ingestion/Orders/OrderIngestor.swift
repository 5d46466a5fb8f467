import CLVProto
import RPC
import Store

/// Stores a batch of orders: validate, convert, insert what is new, settle what was seen before.
struct OrderIngestor: Sendable {
    let baseCurrency: BaseCurrencySetting
    let rateBook: RateBook

    /// Thrown by `ingest(bounded: false)` when some customer's totals would pass the bound: the
    /// transaction must roll back and the batch run again with `bounded: true`.
    struct BeyondBound: Error {}

    /// Runs inside one transaction: the valid orders of the batch commit together or not at all.
    ///
    /// - Parameter bounded: check each order against its customer's totals (slower); without it,
    ///   a batch that would take a customer past the bound throws `BeyondBound`.
    func ingest(_ orders: [Order], now: Int64, bounded: Bool, on connection: PGConnection) throws -> IngestResponse {
        var outcome = BatchOutcome(received: orders.count)
        let base = try baseCurrency.require(on: connection)
        var valid: [ValidOrder] = []
        valid.reserveCapacity(orders.count)
        let validator = OrderValidator(now: now)
        for (index, order) in orders.enumerated() {
            switch validator.validate(order, index: index) {
            case .success(let order): valid.append(order)
            case .failure(let problem): outcome.reject(index: index, recordID: order.orderID, problem)
            }
        }
        valid = try convert(valid, base: base, outcome: &outcome, on: connection)

        // The first occurrence of each id is inserted; later ones settle against it below.
        var seen: Set<String> = []
        var first: [ValidOrder] = []
        var repeats: [ValidOrder] = []
        first.reserveCapacity(valid.count)
        for order in valid {
            if seen.insert(order.orderID).inserted { first.append(order) } else { repeats.append(order) }
        }
        var insertedIDs: Set<String> = []
        var beyondBound: Set<String> = []
        if !first.isEmpty {
            let sql = bounded ? OrderInsertStatement.bounded : OrderInsertStatement.fast
            let rows = try connection.query(sql, OrderInsertStatement.parameters(first))
            insertedIDs.reserveCapacity(rows.count)
            for row in rows {
                guard try row.bool("within") else {
                    // With `bounded`, only concurrent batches for one customer get here; retryable.
                    guard bounded else { throw BeyondBound() }
                    throw RPCError(
                        code: .aborted, message: "concurrent batches took a customer's totals past the bound; send the batch again")
                }
                let id = try row.string("order_id")
                if try row.bool("inserted") { insertedIDs.insert(id) } else { beyondBound.insert(id) }
            }
        }
        outcome.inserted = insertedIDs.count
        for order in first + repeats where beyondBound.contains(order.orderID) {
            outcome.reject(
                index: order.index, recordID: order.orderID,
                RecordProblem(
                    field: "customer_id",
                    reason:
                        "customer \(order.customerID)'s orders would total beyond ±\(IngestionLimits.maximumCustomerTotalMinorUnits) minor units of \(base.code), the most one customer may hold",
                    code: .outOfRange))
        }
        let seenBefore = first.filter { !insertedIDs.contains($0.orderID) && !beyondBound.contains($0.orderID) }
            + repeats.filter { !beyondBound.contains($0.orderID) }
        try OrderSettlement(orders: seenBefore.sorted { $0.index < $1.index }).settle(outcome: &outcome, on: connection)

        let latest = first.lazy.filter { insertedIDs.contains($0.orderID) }.map(\.placedAtMilliseconds).max()
        try IngestionCounters.record(kind: .orders, rejected: outcome.rejected, latestMilliseconds: latest, on: connection)
        return outcome.response
    }

    /// Adds base-currency amounts; orders whose rate is missing are rejected.
    private func convert(
        _ orders: [ValidOrder], base: (code: String, digits: Int), outcome: inout BatchOutcome, on connection: PGConnection
    ) throws -> [ValidOrder] {
        let keys = BaseConversion.keys(orders.lazy.map { ($0.currency, $0.day) }, base: base.code)
        let rates = keys.isEmpty ? [:] : try rateBook.rates(for: keys, on: connection)
        let conversion = BaseConversion(base: base.code, baseDigits: base.digits, rates: rates)
        var converted: [ValidOrder] = []
        converted.reserveCapacity(orders.count)
        for var order in orders {
            let digits = CurrencyCatalog.minorUnitDigits(of: order.currency)!
            let day = order.day
            switch conversion.convert(order.amountMinor, currency: order.currency, digits: digits, on: day, field: "amount.currency") {
            case .failure(let problem):
                outcome.reject(index: order.index, recordID: order.orderID, problem)
                continue
            case .success(let amount):
                order.amountBaseMinor = amount
            }
            if let margin = order.marginMinor {
                switch conversion.convert(margin, currency: order.currency, digits: digits, on: day, field: "gross_margin") {
                case .failure(let problem):
                    outcome.reject(index: order.index, recordID: order.orderID, problem)
                    continue
                case .success(let amount):
                    order.marginBaseMinor = amount
                }
            }
            converted.append(order)
        }
        return converted
    }
}
