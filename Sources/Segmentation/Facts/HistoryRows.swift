import CLVModels
import Foundation
import Ingestion
import Store

/// The stored rows every customer's facts are computed from, read as plain table scans in
/// binary format and grouped by customer in Swift: the customers, their purchase days, their
/// monthly event buckets, the current scoring's CLV and the last refresh's places. Nothing is
/// aggregated in the database, so one read serves the facts of any as-of day within it — a
/// refresh's today, or a training's two cut-offs and today at once.
struct HistoryRows: Sendable {
    /// What to read: the facts of every query in `queries` can be computed from the rows.
    struct Request: Sendable {
        var customerID: String?
        /// Purchase days and months through this day.
        var throughDay: Int32
        /// Event buckets from this month on (earlier ones only when they carry a reason).
        var eventsFromMonth: CalendarDay
        var scoringID: Int64?
        var previousRefreshID: Int64?
        /// The block of the event months' table where the second part's events begin; nil to
        /// read them all in the second part (one customer, whose rows an index finds).
        var eventsSplitBlock: Int64?
        /// The planner's row counts of the purchase days and the event months (0 when unknown):
        /// room reserved up front.
        var estimatedPurchaseRows = 0
        var estimatedEventRows = 0

        init(_ queries: [CustomerFacts.Query]) {
            precondition(!queries.isEmpty, "a history read needs a query")
            customerID = queries[0].customerID
            throughDay = queries.map { $0.asOfDay + Int32($0.followingDays ?? 0) }.max() ?? 0
            eventsFromMonth = queries.map(\.earliestEventMonth).min() ?? CalendarDay(daysSinceEpoch: 0)
            scoringID = queries[0].scoringID
            previousRefreshID = queries[0].previousRefreshID
        }
    }

    /// The halves a read splits into after the customers, each one connection's work: the
    /// purchase days, CLVs and previous places with the event months of the table's first
    /// blocks, and the event months of the rest (the events are most of the rows).
    enum Part: Int, CaseIterable, Sendable {
        case purchases
        case events
    }

    /// The share of the event months' blocks the first part reads besides its other rows: so
    /// that both parts take about as long.
    static let firstPartEventShare = 0.35

    struct Customer: Sendable {
        var id: String
        var market: String
        var channel: String
    }

    struct PurchaseDay: Sendable {
        var day: Int32
        var orders: Int32
        var revenue: Int64
    }

    /// One customer-month-type-driver bucket: its events and the day of its latest one.
    struct EventMonth: Sendable {
        var month: Int32
        var kind: EventKind
        var driver: CLVModels.ChurnDriver?
        var events: Int32
        var lastDay: Int32
    }

    /// Event types by the windows that count them.
    enum EventKind: UInt8, Sendable {
        case engagement, issue, paymentFailed, orderCancelled, cartAbandoned, other

        init(type: String) {
            switch type {
            case "email_opened", "email_clicked", "site_visit": self = .engagement
            case "complaint", "return_requested", "negative_review": self = .issue
            case "payment_failed": self = .paymentFailed
            case "order_cancelled": self = .orderCancelled
            case "cart_abandoned": self = .cartAbandoned
            default: self = .other
            }
        }
    }

    /// In bytewise order of their ids, which `index` positions.
    var customers: [Customer]
    var index: CustomerIndex
    var purchases = CustomerRows<PurchaseDay>()
    /// The event months of the first part's blocks, and of the second's.
    var months = CustomerRows<EventMonth>()
    var laterMonths = CustomerRows<EventMonth>()
    var scores = CustomerRows<Double>()
    var previous = CustomerRows<CustomerFacts.PreviousPlace>()

    /// Reads the customers on `connection`, which must be in a transaction (the reads are cursors).
    init(_ request: Request, on connection: PGConnection) throws {
        var customers: [Customer] = []
        var markets = Interner(), channels = Interner()
        let (parameters, one) = Self.filter(request)
        try connection.forEachBinaryRowInBatches(
            """
            SELECT customer_id, coalesce(market, ''), coalesce(acquisition_channel, '') FROM customers
            WHERE true \(one) ORDER BY customer_id
            """, parameters
        ) { row in
            customers.append(
                Customer(id: try row.string(at: 0), market: markets.string(try row.bytes(at: 1)), channel: channels.string(try row.bytes(at: 2))))
        }
        // Bytewise, as assignments are keyed: a database in another locale orders ids otherwise.
        let bytewise = { (a: Customer, b: Customer) in a.id.utf8.lexicographicallyPrecedes(b.id.utf8) }
        if zip(customers, customers.dropFirst()).contains(where: { !bytewise($0, $1) }) { customers.sort(by: bytewise) }
        self.customers = customers
        index = CustomerIndex(customers.map(\.id))
    }

    /// The bound customer id and the filter that uses it: none when every customer is read.
    private static func filter(_ request: Request) -> ([PGValue], String) {
        ([.text(request.customerID ?? "")], request.customerID == nil ? "" : "AND customer_id = $1")
    }

    /// Reads `part`'s streams on `connection` (in a transaction) into `self`.
    ///
    /// Bounds go through one-row subqueries, evaluated once: a cursor's plan may not fold its
    /// parameters, and a cast per row of millions costs seconds.
    mutating func read(_ part: Part, _ request: Request, on connection: PGConnection) throws {
        let (parameters, one) = Self.filter(request)
        let through = PGValue.text(CalendarDay(daysSinceEpoch: request.throughDay).text)
        let index = self.index
        switch part {
        case .purchases:
            var purchases = CustomerRows<PurchaseDay>()
            purchases.reserveCapacity(request.estimatedPurchaseRows)
            try connection.forEachBinaryRowInBatches(
                """
                SELECT customer_id, day, orders, revenue_base_minor FROM customer_purchase_days
                WHERE day <= (SELECT $2::date) \(one) ORDER BY customer_id
                """, parameters + [through]
            ) { row in
                purchases.append(
                    id: try row.bytes(at: 0), in: index,
                    PurchaseDay(day: try row.day(at: 1), orders: Int32(try row.int(at: 2)), revenue: try row.int(at: 3)))
            }
            purchases.finish(customers: index.count)
            self.purchases = purchases
            var scores = CustomerRows<Double>()
            if let scoring = request.scoringID {
                try connection.forEachBinaryRowInBatches(
                    "SELECT customer_id, clv FROM customer_scores WHERE scoring_id = (SELECT $2::bigint) \(one) ORDER BY customer_id",
                    parameters + [.int(scoring)]
                ) { row in scores.append(id: try row.bytes(at: 0), in: index, try row.double(at: 1)) }
            }
            scores.finish(customers: index.count)
            self.scores = scores
            var previous = CustomerRows<CustomerFacts.PreviousPlace>()
            if let refresh = request.previousRefreshID {
                var segments = Interner(), stages = Interner { CLVModels.LifecycleStage(rawValue: $0) }, tiers = Interner()
                try connection.forEachBinaryRowInBatches(
                    """
                    SELECT customer_id, coalesce(segment, ''), stage, tier FROM segment_assignments
                    WHERE refresh_id = (SELECT $2::bigint) \(one) ORDER BY customer_id
                    """, parameters + [.int(refresh)]
                ) { row in
                    let place = CustomerFacts.PreviousPlace(
                        segment: segments.string(try row.bytes(at: 1)), stage: stages.value(try row.bytes(at: 2)),
                        tier: tiers.string(try row.bytes(at: 3)))
                    previous.append(id: try row.bytes(at: 0), in: index, place)
                }
            }
            previous.finish(customers: index.count)
            self.previous = previous
            if let split = request.eventsSplitBlock {
                months = try Self.readMonths(request, blocks: 0..<split, index: index, on: connection)
            }
        case .events:
            laterMonths = try Self.readMonths(request, blocks: request.eventsSplitBlock.map { $0..<Int64.max }, index: index, on: connection)
        }
    }

    /// The event months in `blocks` of their table (all when nil), in the table's order:
    /// ordering them by customer would read the heap at random.
    private static func readMonths(
        _ request: Request, blocks: Range<Int64>?, index: CustomerIndex, on connection: PGConnection
    ) throws -> CustomerRows<EventMonth> {
        let (parameters, one) = filter(request)
        let through = PGValue.text(CalendarDay(daysSinceEpoch: request.throughDay).text)
        // Block ranges, so that the two parts split the table without reading each other's rows.
        var bounds: [PGValue] = [], inBlocks = ""
        if let blocks {
            bounds.append(.text("(\(blocks.lowerBound),0)"))
            inBlocks = "AND ctid >= (SELECT $4::tid)"
            if blocks.upperBound != .max {
                bounds.append(.text("(\(blocks.upperBound),0)"))
                inBlocks += " AND ctid < (SELECT $5::tid)"
            }
        }
        var months = CustomerRows<EventMonth>()
        if let blocks, blocks.upperBound != .max {
            months.reserveCapacity(Int(Double(request.estimatedEventRows) * firstPartEventShare))
        } else {
            months.reserveCapacity(blocks == nil ? request.estimatedEventRows : Int(Double(request.estimatedEventRows) * (1 - firstPartEventShare)))
        }
        var kinds = Interner(EventKind.init(type:)), drivers = Interner { CLVModels.ChurnDriver(rawValue: $0) }
        try connection.forEachBinaryRowInBatches(
            """
            SELECT customer_id, month, type, driver, events, last_at FROM customer_event_months
            WHERE month <= (SELECT $2::date) \(one) \(inBlocks)
              AND (month >= (SELECT $3::date) OR (driver <> '' AND type NOT IN ('email_opened', 'email_clicked', 'site_visit')))
            """, parameters + [through, .text(request.eventsFromMonth.text)] + bounds
        ) { row in
            // '' (no reason) is no driver, as is a driver name this version does not know.
            let bucket = EventMonth(
                month: try row.day(at: 1), kind: kinds.value(try row.bytes(at: 2)), driver: drivers.value(try row.bytes(at: 3)),
                events: Int32(try row.int(at: 4)),
                lastDay: Int32(clamping: (try row.microsecondsSinceEpoch(at: 5)).dividedRoundingDown(by: 86_400_000_000)))
            months.append(id: try row.bytes(at: 0), in: index, bucket)
        }
        months.finish(customers: index.count)
        return months
    }

    /// `self` with the event months another connection read for the second part.
    func withLaterMonths(of other: HistoryRows) -> HistoryRows {
        var merged = self
        merged.laterMonths = other.laterMonths
        return merged
    }

    /// The rows of `customers[position]`.
    func history(_ position: Int) -> CustomerHistory {
        CustomerHistory(
            customer: customers[position], purchases: purchases.rows(of: position), months: months.rows(of: position),
            laterMonths: laterMonths.rows(of: position),
            clv: scores.rows(of: position).first, previous: previous.rows(of: position).first)
    }
}

/// One customer's rows, as HistoryRows groups them.
struct CustomerHistory {
    var customer: HistoryRows.Customer
    var purchases: ArraySlice<HistoryRows.PurchaseDay>
    /// In two parts, as two connections read them.
    var months: ArraySlice<HistoryRows.EventMonth>
    var laterMonths: ArraySlice<HistoryRows.EventMonth>
    var clv: Double?
    var previous: CustomerFacts.PreviousPlace?
}

/// The values of a text column with few distinct values (markets, event types, segment names),
/// made once each instead of once per row; past 64 distinct values it stops remembering new ones.
private struct Interner<Value> {
    private var seen: [([UInt8], Value)] = []
    private let make: (String) -> Value

    init(_ make: @escaping (String) -> Value) { self.make = make }

    mutating func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Value {
        for (known, value) in seen where known.count == bytes.count
            && (bytes.isEmpty || known.withUnsafeBytes { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) } == 0) {
            return value
        }
        let value = make(String(decoding: bytes, as: UTF8.self))
        if seen.count < 64 { seen.append((Array(bytes), value)) }
        return value
    }
}

extension Interner<String> {
    init() { self.init { $0 } }

    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String { value(bytes) }
}

extension Int64 {
    /// Floor division, for days of timestamps before 1970 too.
    fileprivate func dividedRoundingDown(by divisor: Int64) -> Int64 {
        let (quotient, remainder) = quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? quotient - 1 : quotient
    }
}
