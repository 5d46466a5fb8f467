import CLVProtoC

extension CustomerValue: CMessageConvertible {
    static let protoName = "clv.valuation.v1.CustomerValue"
    static let unpack = clv__valuation__v1__customer_value__unpack
    static let freeUnpacked = clv__valuation__v1__customer_value__free_unpacked

    init(c pointer: UnsafePointer<Clv__Valuation__V1__CustomerValue>) {
        let c = pointer.pointee
        customerID = CRead.string(c.customer_id)
        market = CRead.string(c.market)
        acquisitionChannel = CRead.string(c.acquisition_channel)
        acquisitionCostBaseMinor = c.acquisition_cost_base_minor
        hasAcquisitionCost = c.has_acquisition_cost != 0
        baseCurrency = CRead.string(c.base_currency)
        completedOrders = c.completed_orders
        revenueBaseMinor = c.revenue_base_minor
        averageOrderBaseMinor = c.average_order_base_minor
        firstPurchase = CRead.string(c.first_purchase)
        lastPurchase = CRead.string(c.last_purchase)
        repeatPurchaseDays = c.repeat_purchase_days
        recency = c.recency
        age = c.age
        runID = c.run_id
        timeUnit = ProtoTimeUnit(c: c.time_unit)
        horizon = c.horizon
        probabilityAlive = c.probability_alive
        expectedPurchases = c.expected_purchases
        expectedAverageOrderBaseMinor = c.expected_average_order_base_minor
        marginRate = c.margin_rate
        clvBaseMinor = c.clv_base_minor
        terms = ValueTerms(c: c.terms)
        annualRetentionRate = c.annual_retention_rate
        lifespanYears = c.lifespan_years
        historicalCLVBaseMinor = c.historical_clv_base_minor
        retentionDiscountedCLVBaseMinor = c.retention_discounted_clv_base_minor
        retentionDiscountedYears = c.retention_discounted_years
        netCLVBaseMinor = c.has_net_clv != 0 ? c.net_clv_base_minor : nil
        hasStoredScore = c.has_stored_score != 0
        storedScoringID = c.stored_scoring_id
        storedCLVBaseMinor = c.stored_clv_base_minor
        storedTerms = c.stored_terms.map { ValueTerms(c: UnsafePointer($0)) }
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Valuation__V1__CustomerValue> {
        let value = arena.message(Clv__Valuation__V1__CustomerValue.self, clv__valuation__v1__customer_value__init)
        value.pointee.customer_id = arena.string(customerID)
        value.pointee.market = arena.string(market)
        value.pointee.acquisition_channel = arena.string(acquisitionChannel)
        value.pointee.acquisition_cost_base_minor = acquisitionCostBaseMinor
        value.pointee.has_acquisition_cost = hasAcquisitionCost ? 1 : 0
        value.pointee.base_currency = arena.string(baseCurrency)
        value.pointee.completed_orders = completedOrders
        value.pointee.revenue_base_minor = revenueBaseMinor
        value.pointee.average_order_base_minor = averageOrderBaseMinor
        value.pointee.first_purchase = arena.string(firstPurchase)
        value.pointee.last_purchase = arena.string(lastPurchase)
        value.pointee.repeat_purchase_days = repeatPurchaseDays
        value.pointee.recency = recency
        value.pointee.age = age
        value.pointee.run_id = runID
        value.pointee.time_unit = timeUnit.cValue
        value.pointee.horizon = horizon
        value.pointee.probability_alive = probabilityAlive
        value.pointee.expected_purchases = expectedPurchases
        value.pointee.expected_average_order_base_minor = expectedAverageOrderBaseMinor
        value.pointee.margin_rate = marginRate
        value.pointee.clv_base_minor = clvBaseMinor
        value.pointee.terms = terms.cMessage(in: arena)
        value.pointee.annual_retention_rate = annualRetentionRate
        value.pointee.lifespan_years = lifespanYears
        value.pointee.historical_clv_base_minor = historicalCLVBaseMinor
        value.pointee.retention_discounted_clv_base_minor = retentionDiscountedCLVBaseMinor
        value.pointee.retention_discounted_years = retentionDiscountedYears
        value.pointee.net_clv_base_minor = netCLVBaseMinor ?? 0
        value.pointee.has_net_clv = netCLVBaseMinor == nil ? 0 : 1
        value.pointee.has_stored_score = hasStoredScore ? 1 : 0
        value.pointee.stored_scoring_id = storedScoringID
        value.pointee.stored_clv_base_minor = storedCLVBaseMinor
        value.pointee.stored_terms = storedTerms?.cMessage(in: arena)
        return value
    }
}
