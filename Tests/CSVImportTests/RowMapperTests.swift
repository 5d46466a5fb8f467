import CLVProto
import CSVImport
import Testing

@Suite struct RowMapperTests {
    /// Maps the one data row of `csv` with `Mapper`.
    private func map<Mapper: RowMapper>(
        _ mapper: Mapper.Type, _ kind: RecordKind, _ csv: String, mapping: [String] = [], formats: ValueFormats = ValueFormats()
    ) throws -> Result<Mapper.Record, RowProblems> {
        let source = try CSVRowSource(text: csv)
        let layout = try ColumnLayout(header: source.header, kind: kind, mapping: ColumnMapping(parsing: mapping))
        let row = try #require(try source.next())
        return Result { () throws(RowProblems) in try Mapper(layout: layout).record(from: RowCells(row.cells, formats: formats)) }
    }

    @Test func orderWithDecimalAmountsAndDefaults() throws {
        let order = try map(OrderRowMapper.self, .orders, """
            order_id,customer_id,placed_at,amount,currency,gross_margin,cost,platform,item_count,status
            o1,c1,2024-03-05T10:20:30Z,12.50,EUR,4.10,,web,3,
            """).get()
        #expect(order == Order(
            orderID: "o1", customerID: "c1", placedAtUnixMs: 1_709_634_030_000,
            amount: Money(minorUnits: 1250, currency: "EUR"), grossMargin: Money(minorUnits: 410, currency: "EUR"),
            cost: nil, platform: "web", itemCount: 3, status: .completed))
    }

    @Test func orderWithMinorUnitsAndStatus() throws {
        let order = try map(OrderRowMapper.self, .orders, """
            order_id,customer_id,placed_at,amount_minor,currency,cost_minor,status
            o1,c1,2024-03-05,1250,JPY,700,Refunded
            """).get()
        #expect(order.amount == Money(minorUnits: 1250, currency: "JPY"))
        #expect(order.cost == Money(minorUnits: 700, currency: "JPY"))
        #expect(order.status == .refunded)
        #expect(order.placedAtUnixMs == 1_709_596_800_000)
    }

    @Test(arguments: [
        ("o1,c1,2024-03-05,100.5,JPY,", "amount"),
        ("o1,c1,2024-03-05,1.00,XYZ,", "currency"),
        ("o1,c1,2024-03-05,1.00,,", "currency"),
        ("o1,c1,2024-03-05T10:00:00+25:00,1.00,EUR,", "placed_at"),
        ("o1,c1,,1.00,EUR,", "placed_at"),
        (",c1,2024-03-05,1.00,EUR,", "order_id"),
        ("o1,c1,2024-03-05,,EUR,", "amount"),
        ("o1,c1,2024-03-05,1.00,EUR,lost", "status"),
    ])
    func orderRejectionsNameTheField(row: String, field: String) throws {
        let result = try map(OrderRowMapper.self, .orders, "order_id,customer_id,placed_at,amount,currency,status\n" + row)
        #expect(throws: RowProblems.self) { try result.get() }
        if case .failure(let problems) = result { #expect(problems.problems.map(\.field) == [field]) }
    }

    @Test func customerWithAttributesAndCost() throws {
        let customer = try map(CustomerRowMapper.self, .customers, """
            customer_id,market,acquisition_cost,acquisition_cost_currency,acquired_on,email,attr.tier,Segment
            c1,DE,1.234,KWD,2024-01-02,a@example.com,gold,
            """, mapping: ["Segment=attr.segment"]).get()
        #expect(customer == Customer(
            customerID: "c1", market: "DE", acquisitionCost: Money(minorUnits: 1234, currency: "KWD"),
            acquiredOn: "2024-01-02", email: "a@example.com", attributes: ["tier": "gold"]))
    }

    @Test func customerCostWithoutCurrencyIsRejected() throws {
        let result = try map(CustomerRowMapper.self, .customers, "customer_id,acquisition_cost\nc1,10.00")
        guard case .failure(let problems) = result else { Issue.record("mapped"); return }
        #expect(problems.problems.map(\.field) == ["acquisition_cost_currency"])
    }

    @Test func eventWithScoreAndAttributes() throws {
        let event = try map(EventRowMapper.self, .events, """
            event_id,customer_id,occurred_at,type,score,attr.survey
            e1,c1,2024-03-05T10:20:30.5+01:00,survey_answered,9,nps
            """).get()
        #expect(event == Event(
            eventID: "e1", customerID: "c1", occurredAtUnixMs: 1_709_630_430_500, type: .surveyAnswered,
            score: SurveyScore(value: 9), attributes: ["survey": "nps"]))
    }

    @Test func eventTypeMustBeKnown() throws {
        let result = try map(EventRowMapper.self, .events, "event_id,customer_id,occurred_at,type\ne1,c1,2024-03-05,opened")
        guard case .failure(let problems) = result else { Issue.record("mapped"); return }
        #expect(problems.problems.map(\.field) == ["type"])
    }

    @Test func ratePassesDateAndRateThrough() throws {
        let rate = try map(ExchangeRateRowMapper.self, .rates, "date,currency,rate\n2024-03-05,USD,0.9213").get()
        #expect(rate == ExchangeRate(currency: "USD", date: "2024-03-05", rate: "0.9213"))
    }
}
