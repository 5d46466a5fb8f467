import Store
import Synchronization

/// Exchange rates by currency and day, read from the store and remembered.
///
/// Remembering is safe because a stored rate never changes: a different rate for the same
/// currency and day is rejected. Rates not found are not remembered, so one stored later is seen.
final class RateBook: Sendable {
    private static let maximumRemembered = 500_000
    private let remembered = Mutex<[RateKey: DecimalRate]>([:])

    /// The stored rates of `keys`; a key without a stored rate is absent from the answer.
    func rates(for keys: Set<RateKey>, on connection: PGConnection) throws(StoreError) -> [RateKey: DecimalRate] {
        var found: [RateKey: DecimalRate] = [:]
        var missing: [RateKey] = []
        remembered.withLock { cache in
            for key in keys {
                if let rate = cache[key] { found[key] = rate } else { missing.append(key) }
            }
        }
        guard !missing.isEmpty else { return found }
        let loaded = try Self.stored(missing, on: connection)
        remember(loaded)
        return found.merging(loaded) { first, _ in first }
    }

    /// The stored rates of `keys`, read from the store without remembering them.
    static func stored(_ keys: [RateKey], on connection: PGConnection) throws(StoreError) -> [RateKey: DecimalRate] {
        let rows = try connection.query(
            """
            SELECT r.currency, r.day::text AS day, r.rate::text AS rate
            FROM exchange_rates r
            JOIN unnest($1::text[], $2::date[]) AS k(currency, day) USING (currency, day)
            """,
            [.textArray(keys.map(\.currency)), .textArray(keys.map(\.day.text))])
        var rates: [RateKey: DecimalRate] = [:]
        for row in rows {
            guard let day = CalendarDay(parsing: try row.string("day")),
                case .success(let rate) = DecimalRate.parse(try row.string("rate"))
            else { throw StoreError(.decoding, message: "unreadable exchange rate in the store") }
            rates[RateKey(currency: try row.string("currency"), day: day)] = rate
        }
        return rates
    }

    /// Remembers rates known to be committed.
    func remember(_ rates: [RateKey: DecimalRate]) {
        guard !rates.isEmpty else { return }
        remembered.withLock { cache in
            if cache.count + rates.count > Self.maximumRemembered { cache.removeAll(keepingCapacity: true) }
            cache.merge(rates) { _, new in new }
        }
    }
}
