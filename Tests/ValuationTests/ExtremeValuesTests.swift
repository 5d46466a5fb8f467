import CLVModels
import CLVProto
import CLVStubs
import Ingestion
import RPC
import Testing
import Valuation

/// Extreme values through every numeric field of every request of both services (Int64.min/max,
/// UInt32.max, ±inf, NaN, huge, tiny and negative doubles, out-of-range enum values on the wire):
/// each call may be refused or its records rejected, but none answers INTERNAL or UNKNOWN, and
/// the server keeps serving.
@Suite("Extreme values through every request", .serialized)
struct ExtremeValuesTests {
    static let int64s: [Int64] = [
        .min, .min + 1, -1_000_000_000_000_001, -1, 0, 1, 1_000_000_000_000_000, 1_000_000_000_000_001, .max - 1, .max,
    ]
    static let uint32s: [UInt32] = [0, 1, UInt32(Int32.max), UInt32(Int32.max) + 1, .max]
    static let doubles: [Double] = [
        .nan, -.nan, .signalingNaN, .infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
        .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude, 0, -0.0, 1e-300, 1e300, -1e300, -1, 0.5, 1,
        9.999, 10, 1e6, 1e9, 1e9 + 1, 1e15,
    ]
    /// Enum values on the wire that no Swift case names.
    static let enumValues: [Int64] = [-1, 3, 4, 99, Int64(Int32.max), Int64(Int32.min)]

    static func expectNoInternal(_ label: String, _ body: () async throws -> Void) async {
        do {
            try await body()
        } catch let error as RPCError {
            #expect(error.code != .internal && error.code != .unknown, "\(label): \(error)")
        } catch {
            Issue.record("\(label): \(error)")
        }
    }

    static func expectNoInternal(_ label: String, raw response: CallResponse) {
        let code = response.outcome.code
        #expect(code != RPCStatusCode.internal.rawValue && code != RPCStatusCode.unknown.rawValue, "\(label): \(response.status)")
    }

    /// A varint field of a protobuf message: the key, then the value (negative int32/int64
    /// values take ten bytes, as protobuf encodes them).
    static func varintField(_ number: Int, _ value: Int64) -> [UInt8] {
        var bytes = varint(UInt64(number << 3))
        bytes += varint(UInt64(bitPattern: value))
        return bytes
    }

    static func varint(_ value: UInt64) -> [UInt8] {
        var value = value
        var bytes: [UInt8] = []
        repeat {
            var byte = UInt8(value & 0x7F)
            value >>= 7
            if value != 0 { byte |= 0x80 }
            bytes.append(byte)
        } while value != 0
        return bytes
    }

    @Test func noExtremeValueInAnyRequestAnswersInternal() async throws {
        let server = try await ValuationServer.start(prefix: "extreme")
        do {
            try await sweepIngestion(server)
            try await sweepValuation(server)
            // Still serving, and what was stored reads back.
            let stats = try await server.ingestion.getStats()
            #expect(stats.baseCurrency == "EUR")
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    private func sweepIngestion(_ server: ValuationServer) async throws {
        let ingestion = server.ingestion
        let day = SimulatedShop.day(-10)
        let placed = Int64(day.daysSinceEpoch) * 86_400_000 + 43_200_000
        _ = try await ingestion.upsertExchangeRates([ExchangeRate(currency: "USD", date: day.text, rate: "1.1")])
        for rate in ["999999999999999999", "0.000000000001", "1e5", "-1", "0", "NaN", "inf", "9223372036854775808", "1.0000000000001"] {
            await Self.expectNoInternal("rate \(rate)") {
                _ = try await ingestion.upsertExchangeRates([ExchangeRate(currency: "JPY", date: day.text, rate: rate)])
            }
        }
        func order(_ id: String, _ change: (inout Order) -> Void) -> Order {
            var order = Order(
                orderID: id, customerID: "x-\(id)", placedAtUnixMs: placed,
                amount: Money(minorUnits: 1_000, currency: "EUR"), platform: "web", itemCount: 1, status: .completed)
            change(&order)
            return order
        }
        var together: [Order] = []
        for (index, value) in Self.int64s.enumerated() {
            let variants = [
                order("placed-\(index)") { $0.placedAtUnixMs = value },
                order("amount-\(index)") { $0.amount = Money(minorUnits: value, currency: "EUR") },
                order("amount-usd-\(index)") { $0.amount = Money(minorUnits: value, currency: "USD") },
                order("amount-jpy-\(index)") { $0.amount = Money(minorUnits: value, currency: "JPY") },
                order("margin-\(index)") { $0.grossMargin = Money(minorUnits: value, currency: "EUR") },
                order("cost-\(index)") { $0.cost = Money(minorUnits: value, currency: "EUR") },
                order("both-\(index)") {
                    $0.amount = Money(minorUnits: value, currency: "USD")
                    $0.grossMargin = Money(minorUnits: value, currency: "USD")
                    $0.cost = Money(minorUnits: value, currency: "USD")
                },
            ]
            for variant in variants {
                await Self.expectNoInternal("order \(variant.orderID)") { _ = try await ingestion.ingestOrders([variant]) }
                var same = variant
                same.orderID = "together-" + variant.orderID
                same.customerID = "x-together"
                together.append(same)
            }
        }
        for (index, count) in Self.uint32s.enumerated() {
            let variant = order("items-\(index)") { $0.itemCount = count }
            await Self.expectNoInternal("order item_count \(count)") { _ = try await ingestion.ingestOrders([variant]) }
        }
        // Every extreme of one customer in one batch, twice (the second a replay), then refunded.
        for round in 0..<2 {
            await Self.expectNoInternal("one customer's extremes, round \(round)") { _ = try await ingestion.ingestOrders(together) }
        }
        let refunds = together.map { order -> Order in
            var refund = order
            refund.status = .refunded
            return refund
        }
        await Self.expectNoInternal("one customer's extremes refunded") { _ = try await ingestion.ingestOrders(refunds) }

        for (index, value) in Self.int64s.enumerated() {
            for currency in ["EUR", "USD", "JPY"] {
                let customer = Customer(
                    customerID: "x-cac-\(currency)-\(index)", acquisitionCost: Money(minorUnits: value, currency: currency),
                    acquiredOn: day.text)
                await Self.expectNoInternal("acquisition cost \(value) \(currency)") { _ = try await ingestion.upsertCustomers([customer]) }
            }
            let event = Event(eventID: "x-event-\(index)", customerID: "x-events", occurredAtUnixMs: value, type: .siteVisit)
            await Self.expectNoInternal("event at \(value)") { _ = try await ingestion.ingestEvents([event]) }
        }
        var surveys: [Event] = []
        for (index, score) in Self.doubles.enumerated() {
            var survey = Event(
                eventID: "x-survey-\(index)", customerID: "x-surveys", occurredAtUnixMs: placed, type: .surveyAnswered)
            survey.score = SurveyScore(value: score)
            surveys.append(survey)
            await Self.expectNoInternal("survey score \(score)") { _ = try await ingestion.ingestEvents([survey]) }
        }
        for round in 0..<2 {
            let renamed = surveys.map { survey -> Event in
                var copy = survey
                copy.eventID = "x-surveys-together-\(round)-" + survey.eventID
                return copy
            }
            await Self.expectNoInternal("every score of one customer, round \(round)") { _ = try await ingestion.ingestEvents(renamed) }
        }
        for limit in Self.uint32s {
            await Self.expectNoInternal("list limit \(limit)") { _ = try await ingestion.listCustomerIDs(prefix: "x-", limit: limit) }
        }
        await Self.expectNoInternal("stats") { _ = try await ingestion.getStats() }
    }

    private func sweepValuation(_ server: ValuationServer) async throws {
        let valuation = server.valuation
        let shop = SimulatedShop(
            parameters: BGNBDParameters(r: 0.6, alpha: 5, a: 0.8, b: 2.5), customers: 300, calibrationEnd: SimulatedShop.day(-91),
            observedUntil: SimulatedShop.day(-1), acquisitionDays: 730)
        try await server.ingest(shop.orders())
        let run = try await valuation.fitModel(
            FitModelRequest(purchaseModel: .bgNBD, spendModel: .gammaGamma, calibrationEnd: shop.calibrationEnd.text, timeUnit: .week))

        for field in [1, 2, 4] {
            for value in Self.enumValues {
                let response = try await server.rpc.rawUnary(
                    method: ValuationRPC.Method.fitModel.fullName, payload: Self.varintField(field, value))
                Self.expectNoInternal("fit, field \(field) = \(value)", raw: response)
            }
        }
        for field in [1, 4] {
            for value in Self.enumValues {
                let response = try await server.rpc.rawUnary(
                    method: ValuationRPC.Method.evaluateModel.fullName, payload: Self.varintField(field, value))
                Self.expectNoInternal("evaluate, field \(field) = \(value)", raw: response)
            }
        }
        for value in Self.enumValues {
            let response = try await server.rpc.rawUnary(method: ValuationRPC.Method.valueReport.fullName, payload: Self.varintField(1, value))
            Self.expectNoInternal("report by = \(value)", raw: response)
        }

        var scorings: [ScoreCustomersRequest] = Self.int64s.map { ScoreCustomersRequest(runID: $0) }
        var values: [GetCustomerValueRequest] = Self.int64s.map { GetCustomerValueRequest(customerID: "c1", runID: $0) }
        for value in Self.doubles {
            for terms in [ValueTerms.setting(horizonDays: value), ValueTerms.setting(annualDiscountRate: value), ValueTerms.setting(marginRate: value)] {
                scorings.append(ScoreCustomersRequest(runID: run.runID, terms: terms))
                values.append(GetCustomerValueRequest(customerID: "c1", runID: run.runID, terms: terms))
            }
        }
        // The largest values that pass, together, and the smallest.
        let largest = ValueTerms.setting(horizonDays: 100 * ValueTerms.daysPerYear, annualDiscountRate: 1, marginRate: 1)
        let smallest = ValueTerms.setting(horizonDays: .leastNonzeroMagnitude, annualDiscountRate: 0, marginRate: 0)
        for terms in [largest, smallest] {
            scorings.append(ScoreCustomersRequest(runID: run.runID, terms: terms))
            values.append(GetCustomerValueRequest(customerID: "c1", runID: run.runID, terms: terms))
        }
        for request in scorings {
            await Self.expectNoInternal("score \(request)") {
                for try await _ in valuation.scoreCustomers(request) {}
            }
        }
        for request in values {
            await Self.expectNoInternal("value \(request)") { _ = try await valuation.getCustomerValue(request) }
        }
        for grouping in Grouping.allCases {
            for top in Self.uint32s {
                await Self.expectNoInternal("report by \(grouping.name) top \(top)") {
                    _ = try await valuation.valueReport(ValueReportRequest(by: grouping, top: top))
                }
            }
        }
        let days = ["0001-01-01", "1969-12-31", "1970-01-01", "9999-12-31", SimulatedShop.day(-1).text, SimulatedShop.day(1).text]
        for calibrationEnd in days {
            await Self.expectNoInternal("fit to \(calibrationEnd)") {
                _ = try await valuation.fitModel(FitModelRequest(purchaseModel: .bgNBD, spendModel: .none, calibrationEnd: calibrationEnd))
            }
            for holdoutEnd in days {
                await Self.expectNoInternal("evaluate \(calibrationEnd)…\(holdoutEnd)") {
                    _ = try await valuation.evaluateModel(
                        EvaluateModelRequest(purchaseModel: .bgNBD, calibrationEnd: calibrationEnd, holdoutEnd: holdoutEnd, timeUnit: .week))
                }
            }
        }
    }
}
