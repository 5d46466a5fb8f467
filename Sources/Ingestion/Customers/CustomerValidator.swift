import CLVProto

/// Checks one customer on its own and hashes their personal data.
struct CustomerValidator: Sendable {
    let now: Int64
    let hasher: PIIHasher

    func validate(_ customer: Customer, index: Int) -> Result<ValidCustomer, RecordProblem> {
        if let problem = FieldRules.identifier(customer.customerID, field: "customer_id") { return .failure(problem) }
        if !customer.market.isEmpty && !CountryCatalog.isAssigned(customer.market) {
            let hint = CountryCatalog.isAssigned(customer.market.uppercased()) ? " (use upper case)" : ""
            return .failure(.invalid("market", "market '\(customer.market)' is not an ISO 3166-1 alpha-2 country code\(hint)"))
        }
        if let problem = FieldRules.label(customer.acquisitionChannel, field: "acquisition_channel") {
            return .failure(problem)
        }
        var acquiredOn: CalendarDay?
        if !customer.acquiredOn.isEmpty {
            guard let day = CalendarDay(parsing: customer.acquiredOn) else {
                return .failure(.invalid("acquired_on", "acquired_on '\(customer.acquiredOn)' is not a date YYYY-MM-DD"))
            }
            if day > CalendarDay(unixMilliseconds: now + IngestionLimits.futureToleranceMilliseconds) {
                return .failure(.invalid("acquired_on", "acquired_on is in the future (\(day.text))"))
            }
            acquiredOn = day
        }
        if let cost = customer.acquisitionCost {
            if case .failure(let problem) = FieldRules.currency(cost.currency, field: "acquisition_cost.currency") {
                return .failure(problem)
            }
            if let problem = FieldRules.minorUnits(
                cost.minorUnits, field: "acquisition_cost.minor_units", minimum: 0, what: "acquisition cost")
            {
                return .failure(problem)
            }
            if acquiredOn == nil {
                return .failure(.invalid("acquired_on", "acquired_on is needed with an acquisition cost, to convert it"))
            }
        }
        if !customer.email.isEmpty, let problem = PIIHasher.emailProblem(customer.email) {
            return .failure(.invalid("email", problem))
        }
        if !customer.phone.isEmpty, let problem = PIIHasher.phoneProblem(customer.phone) {
            return .failure(.invalid("phone", problem))
        }
        if let problem = FieldRules.attributes(customer.attributes) { return .failure(problem) }
        return .success(
            ValidCustomer(
                index: index, customerID: customer.customerID,
                market: customer.market.isEmpty ? nil : customer.market,
                acquisitionChannel: customer.acquisitionChannel.isEmpty ? nil : customer.acquisitionChannel,
                acquisitionCostMinor: customer.acquisitionCost?.minorUnits,
                acquisitionCostCurrency: customer.acquisitionCost?.currency,
                acquiredOn: acquiredOn,
                emailHash: hasher.hashEmail(customer.email),
                phoneHash: hasher.hashPhone(customer.phone),
                attributesJSON: AttributesJSON.encode(customer.attributes)))
    }
}
