import CLVModels
import CLVProto
import Foundation
import Ingestion
import Store

/// A stored refresh: its rules, cut points and tier thresholds, and what it counted.
struct RefreshRecord: Sendable {
    var refreshID: Int64
    var asOfDay: Int32
    var createdAtUnixMs: Int64
    var rules: SegmentationRules
    var cuts: Assigner.CutPoints
    var tiers: ValueTierThresholds
    var valueBasis: ValueBasis
    var valuationRunID: Int64?
    var customers: Int64
    var purchasers: Int64
    var customersWithWarnings: Int64
    var stageChanges: Int64
    var previousRefreshID: Int64?
    var seconds: Double

    var asOf: String { CalendarDay(daysSinceEpoch: asOfDay).text }

    var proto: Refresh {
        Refresh(
            refreshID: UInt64(refreshID), asOf: asOf, createdAtUnixMs: createdAtUnixMs, settings: rules.proto,
            cutPoints: RFMCutPoints(recencyDays: cuts.recency.map { -$0 }, frequency: cuts.frequency, monetary: cuts.monetary),
            highTierFrom: tiers.high, mediumTierFrom: tiers.medium, valueBasis: valueBasis, customers: UInt64(customers),
            purchasers: UInt64(purchasers), customersWithWarnings: UInt64(customersWithWarnings), stageChanges: UInt64(stageChanges),
            previousRefreshID: UInt64(previousRefreshID ?? 0), seconds: seconds, valuationRunID: valuationRunID ?? 0)
    }

    private static let columns = """
        refresh_id, as_of - date '1970-01-01' AS as_of_day, (extract(epoch FROM created_at) * 1000)::int8 AS created_ms,
        settings::text AS settings, cut_points::text AS cut_points, high_tier_from, medium_tier_from, value_basis::text AS value_basis,
        valuation_run_id, customers, purchasers, customers_with_warnings, stage_changes, previous_refresh_id, seconds
        """

    /// The current refresh; nil before the first.
    static func current(on connection: PGConnection) throws -> RefreshRecord? {
        try connection.query(
            "SELECT \(columns) FROM segment_refreshes WHERE refresh_id = (SELECT refresh_id FROM segment_current_refresh)"
        ).first.map(RefreshRecord.init)
    }

    static func read(_ refreshID: Int64, on connection: PGConnection) throws -> RefreshRecord? {
        try connection.query("SELECT \(columns) FROM segment_refreshes WHERE refresh_id = $1", [.int(refreshID)]).first.map(RefreshRecord.init)
    }

    init(
        refreshID: Int64, asOfDay: Int32, createdAtUnixMs: Int64, rules: SegmentationRules, cuts: Assigner.CutPoints,
        tiers: ValueTierThresholds, valueBasis: ValueBasis, valuationRunID: Int64?, customers: Int64, purchasers: Int64,
        customersWithWarnings: Int64, stageChanges: Int64, previousRefreshID: Int64?, seconds: Double
    ) {
        self.refreshID = refreshID
        self.asOfDay = asOfDay
        self.createdAtUnixMs = createdAtUnixMs
        self.rules = rules
        self.cuts = cuts
        self.tiers = tiers
        self.valueBasis = valueBasis
        self.valuationRunID = valuationRunID
        self.customers = customers
        self.purchasers = purchasers
        self.customersWithWarnings = customersWithWarnings
        self.stageChanges = stageChanges
        self.previousRefreshID = previousRefreshID
        self.seconds = seconds
    }

    private init(_ row: PGRow) throws {
        let decoder = JSONDecoder()
        let basis = try decoder.decode(StoredBasis.self, from: Data(try row.string("value_basis").utf8))
        self.init(
            refreshID: try row.int("refresh_id"), asOfDay: Int32(try row.int("as_of_day")), createdAtUnixMs: try row.int("created_ms"),
            rules: try decoder.decode(SegmentationRules.self, from: Data(try row.string("settings").utf8)),
            cuts: try decoder.decode(Assigner.CutPoints.self, from: Data(try row.string("cut_points").utf8)),
            tiers: ValueTierThresholds(high: try row.double("high_tier_from"), medium: try row.double("medium_tier_from")),
            valueBasis: basis.proto, valuationRunID: try row.isNull("valuation_run_id") ? nil : try row.int("valuation_run_id"),
            customers: try row.int("customers"), purchasers: try row.int("purchasers"),
            customersWithWarnings: try row.int("customers_with_warnings"), stageChanges: try row.int("stage_changes"),
            previousRefreshID: try row.isNull("previous_refresh_id") ? nil : try row.int("previous_refresh_id"),
            seconds: try row.double("seconds"))
    }

    /// The value basis as stored: its fields by their proto names.
    struct StoredBasis: Codable {
        var kind: String
        var scoringID: Int64
        var horizonDays: Double
        var annualDiscountRate: Double
        var marginRate: Double
        var baseCurrency: String
        var description: String

        init(_ basis: ValueBasis) {
            kind = basis.kind
            scoringID = basis.scoringID
            horizonDays = basis.horizonDays
            annualDiscountRate = basis.annualDiscountRate
            marginRate = basis.marginRate
            baseCurrency = basis.baseCurrency
            description = basis.description
        }

        var proto: ValueBasis {
            ValueBasis(
                kind: kind, scoringID: scoringID, horizonDays: horizonDays, annualDiscountRate: annualDiscountRate, marginRate: marginRate,
                baseCurrency: baseCurrency, description: description)
        }
    }
}
