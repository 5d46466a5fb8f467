import CLVProto
import Store

/// Stores a batch of customer descriptions in one transaction.
struct CustomerUpserter: Sendable {
    let baseCurrency: BaseCurrencySetting
    let rateBook: RateBook
    let hasher: PIIHasher
    let keyCheck: PIIKeyCheck

    func upsert(_ customers: [Customer], now: Int64, on connection: PGConnection) throws -> IngestResponse {
        var outcome = BatchOutcome(received: customers.count)
        let validator = CustomerValidator(now: now, hasher: hasher)
        var valid: [ValidCustomer] = []
        for (index, customer) in customers.enumerated() {
            switch validator.validate(customer, index: index) {
            case .success(let customer): valid.append(customer)
            case .failure(let problem): outcome.reject(index: index, recordID: customer.customerID, problem)
            }
        }
        if valid.contains(where: { $0.emailHash != nil || $0.phoneHash != nil }) {
            try keyCheck.verify(hasher, on: connection)
        }
        valid = try convertCosts(valid, outcome: &outcome, on: connection)

        // An id sent twice: the last description wins. An earlier one equal to it is a replay of
        // it; a different one was applied and replaced.
        var last: [String: ValidCustomer] = [:]
        for customer in valid.reversed() where last[customer.customerID] == nil {
            last[customer.customerID] = customer
        }
        for customer in valid where last[customer.customerID]!.index != customer.index {
            if customer.hasSameDescription(as: last[customer.customerID]!) { outcome.unchanged += 1 } else { outcome.updated += 1 }
        }
        if !last.isEmpty {
            let rows = try connection.query(CustomerUpsertStatement.sql, CustomerUpsertStatement.parameters(Array(last.values)))
            for row in rows {
                if try row.bool("inserted") { outcome.inserted += 1 } else { outcome.updated += 1 }
            }
            outcome.unchanged += last.count - rows.count
        }
        try IngestionCounters.record(
            kind: .customers, rejected: outcome.rejected, latestMilliseconds: outcome.inserted + outcome.updated > 0 ? now : nil,
            on: connection)
        return outcome.response
    }

    private func convertCosts(_ customers: [ValidCustomer], outcome: inout BatchOutcome, on connection: PGConnection) throws -> [ValidCustomer] {
        let costs = customers.filter { $0.acquisitionCostMinor != nil }
        guard !costs.isEmpty else { return customers }
        guard let base = try baseCurrency.current(on: connection), let baseDigits = CurrencyCatalog.minorUnitDigits(of: base) else {
            for customer in costs {
                outcome.reject(
                    index: customer.index, recordID: customer.customerID,
                    .precondition("acquisition_cost", "the base currency is not set; call SetBaseCurrency first"))
            }
            return customers.filter { $0.acquisitionCostMinor == nil }
        }
        let keys = BaseConversion.keys(costs.lazy.map { ($0.acquisitionCostCurrency!, $0.acquiredOn!) }, base: base)
        let conversion = BaseConversion(
            base: base, baseDigits: baseDigits, rates: keys.isEmpty ? [:] : try rateBook.rates(for: keys, on: connection))
        var result: [ValidCustomer] = []
        for var customer in customers {
            if let minor = customer.acquisitionCostMinor, let currency = customer.acquisitionCostCurrency, let day = customer.acquiredOn {
                let digits = CurrencyCatalog.minorUnitDigits(of: currency)!
                switch conversion.convert(minor, currency: currency, digits: digits, on: day, field: "acquisition_cost.currency") {
                case .failure(let problem):
                    outcome.reject(index: customer.index, recordID: customer.customerID, problem)
                    continue
                case .success(let amount):
                    customer.acquisitionCostBaseMinor = amount
                }
            }
            result.append(customer)
        }
        return result
    }
}
