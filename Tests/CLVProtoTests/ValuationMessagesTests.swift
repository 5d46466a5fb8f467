import CLVProto
import Testing

/// Every field of every `clv.valuation.v1` message, set to a value other than its default, survives
/// an encode and decode.
@Suite struct ValuationMessagesTests {
    static let purchaseFit = ModelFit(
        model: "bg_nbd",
        parameters: [
            Parameter(name: "r", value: 0.243, standardError: 0.0125, hasStandardError: true),
            Parameter(name: "alpha", value: 4.414),
            Parameter(name: "a", value: 0.793, standardError: 0, hasStandardError: true),
            Parameter(name: "b", value: 2.426, standardError: 1.5e-3, hasStandardError: true),
        ],
        logLikelihood: -9582.43, iterations: 37, converged: true, status: "converged", reason: "gradient below 1e-8",
        customers: 2357, distinctInputs: 1198)

    static let spendFit = ModelFit(
        model: "gamma_gamma",
        parameters: [
            Parameter(name: "p", value: 6.25, standardError: 0.51, hasStandardError: true),
            Parameter(name: "q", value: 3.74),
            Parameter(name: "v", value: 15.44, standardError: 2.2, hasStandardError: true),
        ],
        logLikelihood: -4012.5, iterations: 500, converged: false, status: "iteration_limit",
        reason: "500 iterations without convergence", customers: 946, distinctInputs: 731)

    @Test func modelRunRoundTrips() throws {
        let run = ModelRun(
            runID: 42, purchaseModel: .bgNBD, spendModel: .gammaGamma, calibrationEnd: "2025-06-30",
            timeUnit: .month, fits: [Self.purchaseFit, Self.spendFit], fitSeconds: 1.875,
            createdAtUnixMs: 1_751_328_000_123, dataCutoff: "2025-06-29", customers: 2357,
            baseCurrency: "EUR", annualRetentionRate: 0.61, observedMarginRate: 0.38)
        #expect(try roundTrip(run) == run)
    }

    @Test func aParameterWithoutAStandardErrorStaysWithoutOne() throws {
        #expect(try roundTrip(Parameter(name: "s", value: 1)).hasStandardError == false)
        #expect(try roundTrip(Parameter(name: "s", value: 1, standardError: 0, hasStandardError: true)).hasStandardError)
    }

    @Test func requestsRoundTrip() throws {
        let fit = FitModelRequest(
            purchaseModel: .paretoNBD, spendModel: .none, calibrationEnd: "2024-12-31", timeUnit: .day)
        #expect(try roundTrip(fit) == fit)

        let score = ScoreCustomersRequest(runID: 7, terms: ValueTerms.setting(horizonDays: 1_095.7275, annualDiscountRate: 0.12, marginRate: 0.35))
        #expect(try roundTrip(score) == score)

        let value = GetCustomerValueRequest(
            customerID: "cus_0042", runID: 9, terms: ValueTerms.setting(horizonDays: 185.5, annualDiscountRate: 0.08, marginRate: 0.4))
        #expect(try roundTrip(value) == value)

        let report = ValueReportRequest(by: .channel, top: 25)
        #expect(try roundTrip(report) == report)

        let evaluate = EvaluateModelRequest(
            purchaseModel: .bgNBD, calibrationEnd: "2024-06-30", holdoutEnd: "2025-06-30", timeUnit: .week)
        #expect(try roundTrip(evaluate) == evaluate)
    }

    @Test func scoreProgressRoundTrips() throws {
        let progress = ScoreProgress(
            scoringID: 314, runID: 42, phase: "storing", scored: 1_999_999, total: 2_000_000, seconds: 12.75,
            done: true, terms: ValueTerms.setting(horizonDays: 365.2425, annualDiscountRate: 0.1, marginRate: 1))
        #expect(try roundTrip(progress) == progress)
    }

    /// Zero is a value: a discount of 0 (undiscounted) or a margin of 0 arrives as 0, not as
    /// "unset, use the default" — the old contract's zero meant the default.
    @Test func zeroTermsStayZeroAndUnsetTermsStayUnset() throws {
        let zero = ValueTerms.setting(horizonDays: 0, annualDiscountRate: 0, marginRate: 0)
        #expect(try roundTrip(zero) == zero)
        #expect(try roundTrip(ValueTerms()) == ValueTerms())
        #expect(try roundTrip(ValueTerms.setting(annualDiscountRate: 0)) == ValueTerms.setting(annualDiscountRate: 0))
        let request = try roundTrip(ScoreCustomersRequest(terms: ValueTerms.setting(annualDiscountRate: 0)))
        #expect(request.terms?.setAnnualDiscountRate == 0 && request.terms?.setHorizonDays == nil && request.terms?.setMarginRate == nil)
        // The old fields (horizon = 2 in the run's unit, 52 weeks) are no longer read as anything.
        let old: [UInt8] = [0x11] + withUnsafeBytes(of: Double(52).bitPattern.littleEndian) { Array($0) }
        #expect(try ScoreCustomersRequest(serializedBytes: old).terms == nil)
    }

    @Test func unknownFiguresStayUnknown() throws {
        #expect(try roundTrip(CustomerValue(netCLVBaseMinor: 0)).hasNetCLV == false)
        #expect(try roundTrip(CustomerValue(netCLVBaseMinor: 0, hasNetCLV: true)).hasNetCLV == true)
        #expect(try roundTrip(ValueGroup(customersWithCAC: 0)).hasCLVToCAC == false)
        #expect(try roundTrip(ValueGroup(customersWithCAC: 3, clvToCAC: 0, hasCLVToCAC: true)).hasCLVToCAC == true)
    }

    @Test func customerValueRoundTrips() throws {
        let value = CustomerValue(
            customerID: "cus_0042", market: "DE", acquisitionChannel: "paid_search", acquisitionCostBaseMinor: 4_250,
            hasAcquisitionCost: true, baseCurrency: "EUR", completedOrders: 11, revenueBaseMinor: -1_234_567,
            averageOrderBaseMinor: 11_223.5, firstPurchase: "2023-02-14", lastPurchase: "2025-05-01",
            repeatPurchaseDays: 9, recency: 114.3, age: 123.9, runID: 42, timeUnit: .week, horizon: 52.18,
            probabilityAlive: 0.87, expectedPurchases: 3.41, expectedAverageOrderBaseMinor: 10_987.25,
            marginRate: 0.38, clvBaseMinor: 13_456.75, annualRetentionRate: 0.61,
            historicalCLVBaseMinor: 98_765.5, retentionDiscountedCLVBaseMinor: 54_321.25, netCLVBaseMinor: 50_071.25,
            hasNetCLV: true, lifespanYears: 2.564, retentionDiscountedYears: 3, hasStoredScore: true, storedScoringID: 314,
            storedCLVBaseMinor: 13_000.5, storedTerms: ValueTerms.setting(horizonDays: 1_095.7275, annualDiscountRate: 0, marginRate: 1),
            terms: ValueTerms.setting(horizonDays: 365.2425, annualDiscountRate: 0.1, marginRate: 0.38))
        #expect(try roundTrip(value) == value)
    }

    @Test func valueReportResponseRoundTrips() throws {
        let response = ValueReportResponse(
            scoringID: 314, runID: 42, by: .market, baseCurrency: "EUR",
            groups: [
                ValueGroup(
                    key: "DE", customers: 1200, totalCLVBaseMinor: 15_600_000.5, averageCLVBaseMinor: 13_000.25,
                    customersWithCAC: 800, averageCLVWithCACBaseMinor: 13_005.5, averageCACBaseMinor: 4_500.75, clvToCAC: 2.89,
                    belowHealthyRatio: true),
                ValueGroup(
                    key: "FR", customers: 300, totalCLVBaseMinor: 2_700_000, averageCLVBaseMinor: 9_000,
                    customersWithCAC: 12, averageCACBaseMinor: 5_000, clvToCAC: 1.8, belowHealthyRatio: true),
            ],
            customers: 1500, totalCLVBaseMinor: 18_300_000.5, top20PercentShare: 0.64,
            topCustomers: [
                TopCustomer(customerID: "c9", market: "DE", acquisitionChannel: "organic", clvBaseMinor: 91_000.25, probabilityAlive: 0.97, expectedPurchases: 6.5),
                TopCustomer(customerID: "c3", clvBaseMinor: 80_000),
            ],
            terms: ValueTerms.setting(horizonDays: 1_092, annualDiscountRate: 0.05, marginRate: 0.35))
        #expect(try roundTrip(response) == response)
    }

    @Test func modelEvaluationRoundTrips() throws {
        let evaluation = ModelEvaluation(
            fit: Self.purchaseFit, timeUnit: .week, calibrationEnd: "2024-06-30", holdoutEnd: "2025-06-30",
            holdoutLength: 52.14, customers: 2357, meanAbsoluteError: 0.71, rootMeanSquaredError: 1.28,
            totalPredicted: 3310.5, totalActual: 3275,
            rows: [
                FrequencyRow(
                    calibrationFrequency: 1, andAbove: false, customers: 1411, meanPredicted: 0.23, meanActual: 0.2),
                FrequencyRow(
                    calibrationFrequency: 7, andAbove: true, customers: 88, meanPredicted: 5.6, meanActual: 5.9),
            ],
            aggregateMAPE: 0.043)
        #expect(try roundTrip(evaluation) == evaluation)
        #expect(try roundTrip(ModelEvaluation(customers: 1)).fit == nil)
    }

    @Test func emptyBytesDecodeAsDefaults() throws {
        #expect(try ModelRun(serializedBytes: []) == ModelRun())
        #expect(try CustomerValue(serializedBytes: []) == CustomerValue())
        #expect(try ModelEvaluation(serializedBytes: []) == ModelEvaluation())
    }

    /// A number this version does not name is kept, not trapped on or turned into the default: the
    /// server then refuses it by name (see the valuation tests), and a proxy passes it on unchanged.
    @Test func unknownEnumNumbersAreKeptAndEncodedAgain() throws {
        // purchase_model = 7.
        let seven = try FitModelRequest(serializedBytes: [0x08, 0x07])
        #expect(seven.purchaseModel == .unrecognized(7))
        #expect(seven.serializedBytes() == [0x08, 0x07])
        // purchase_model = -1, a ten-byte varint.
        let negative: [UInt8] = [0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]
        #expect(try FitModelRequest(serializedBytes: negative).purchaseModel == .unrecognized(-1))
        #expect(try FitModelRequest(serializedBytes: negative).serializedBytes() == negative)
        // spend_model = 3, time_unit = 4.
        let request = try FitModelRequest(serializedBytes: [0x10, 0x03, 0x20, 0x04])
        #expect(request.spendModel == .unrecognized(3) && request.spendModel.rawValue == 3)
        #expect(request.timeUnit == .unrecognized(4))
        #expect(request.serializedBytes() == [0x10, 0x03, 0x20, 0x04])
        // by = 9.
        #expect(try ValueReportRequest(serializedBytes: [0x08, 0x09]).by == .unrecognized(9))
        // A known number is its case, however it was made.
        #expect(PurchaseModel(rawValue: 2) == .paretoNBD && PurchaseModel.unrecognized(2) == .paretoNBD)
        #expect(!PurchaseModel.allCases.contains(.unrecognized(7)))
    }

    @Test func enumNamesRoundTrip() {
        for model in PurchaseModel.allCases { #expect(PurchaseModel(name: model.name) == model) }
        for model in SpendModel.allCases { #expect(SpendModel(name: model.name) == model) }
        for unit in CLVProto.TimeUnit.allCases { #expect(CLVProto.TimeUnit(name: unit.name) == unit) }
        for grouping in Grouping.allCases { #expect(Grouping(name: grouping.name) == grouping) }
        #expect(PurchaseModel(name: "BG_NBD") == .bgNBD)
        #expect(SpendModel(name: "gamma-gamma") == nil)
    }

    private func roundTrip<Message: ProtoMessage & Equatable>(_ message: Message) throws -> Message {
        try Message(serializedBytes: message.serializedBytes())
    }
}
