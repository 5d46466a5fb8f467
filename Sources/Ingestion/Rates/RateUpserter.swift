import CLVProto
import Store

/// Stores a batch of exchange rates in one transaction. A stored rate never changes: orders were
/// converted with it, so a different rate for the same currency and day is a conflict.
struct RateUpserter: Sendable {
    let baseCurrency: BaseCurrencySetting

    func upsert(_ rates: [ExchangeRate], now: Int64, on connection: PGConnection) throws -> IngestResponse {
        var outcome = BatchOutcome(received: rates.count)
        let base = try baseCurrency.require(on: connection)
        let validator = RateValidator(now: now, base: base.code)
        var seen: Set<RateKey> = []
        var first: [ValidRate] = []
        var repeats: [ValidRate] = []
        for (index, rate) in rates.enumerated() {
            switch validator.validate(rate, index: index) {
            case .failure(let problem):
                outcome.reject(index: index, recordID: "\(rate.currency)/\(rate.date)", problem)
            case .success(let valid):
                if seen.insert(RateKey(currency: valid.currency, day: valid.day)).inserted {
                    first.append(valid)
                } else {
                    repeats.append(valid)
                }
            }
        }
        var inserted: Set<RateKey> = []
        if !first.isEmpty {
            let rows = try connection.query(
                """
                INSERT INTO exchange_rates (currency, day, rate)
                SELECT currency, day, rate
                FROM unnest($1::text[], $2::date[], $3::numeric[]) AS i(currency, day, rate)
                ORDER BY currency, day
                ON CONFLICT (currency, day) DO NOTHING
                RETURNING currency, day::text AS day
                """,
                [.textArray(first.map(\.currency)), .textArray(first.map(\.day.text)), .textArray(first.map(\.rate.text))])
            for row in rows {
                inserted.insert(RateKey(currency: try row.string("currency"), day: CalendarDay(parsing: try row.string("day"))!))
            }
        }
        outcome.inserted = inserted.count
        let seenBefore = first.filter { !inserted.contains(RateKey(currency: $0.currency, day: $0.day)) } + repeats
        try settle(seenBefore, outcome: &outcome, on: connection)
        let latest = first.lazy.filter { inserted.contains(RateKey(currency: $0.currency, day: $0.day)) }
            .map(\.day.startUnixMilliseconds).max()
        try IngestionCounters.record(kind: .exchangeRates, rejected: outcome.rejected, latestMilliseconds: latest, on: connection)
        return outcome.response
    }

    private func settle(_ rates: [ValidRate], outcome: inout BatchOutcome, on connection: PGConnection) throws {
        guard !rates.isEmpty else { return }
        let stored = try RateBook.stored(rates.map { RateKey(currency: $0.currency, day: $0.day) }, on: connection)
        for rate in rates {
            let storedRate = stored[RateKey(currency: rate.currency, day: rate.day)]
            if storedRate == rate.rate {
                outcome.unchanged += 1
            } else {
                outcome.reject(
                    index: rate.index, recordID: rate.recordID,
                    .conflict("rate", "\(rate.recordID) is already stored with rate \(storedRate?.text ?? "?"); a stored rate never changes"))
            }
        }
    }
}
