import CLVModels
import CLVService
import Ingestion
import Store

/// One cut-off's customers: their feature rows as of the cut-off and, when the label window
/// lies in the data, whether they bought nothing in the W days after it (churned).
struct ChurnSample: Sendable {
    var customerIDs: [String] = []
    var features = FeatureMatrix(columns: ChurnFeatures.count)
    var churned: [Bool] = []
    /// 1 − P(alive) and recency in days: the two baselines the model is compared with.
    var oneMinusProbabilityAlive: [Double] = []
    var recencyDays: [Double] = []

    /// Customers with a purchase on or before `cutoff`, as of it; labels from (cutoff, cutoff + W]
    /// when `labelled`.
    static func read(
        cutoff: Int32, windowDays: Int, labelled: Bool, rules: SegmentationRules, valuation: ValuationSource?, pool: PGPool
    ) async throws -> ChurnSample {
        let query = CustomerFacts.Query(asOfDay: cutoff, warnings: rules.warnings, includeProspects: false)
        // The labels in the facts' snapshot.
        let (read, found) = try await FactsScan.read(pool: pool) { connection in
            var found = Set<String>()
            if labelled {
                try connection.forEachRow(
                    "SELECT DISTINCT customer_id FROM customer_purchase_days WHERE day > $1::date AND day <= $1::date + $2::int",
                    [.text(CalendarDay(daysSinceEpoch: cutoff).text), .int(Int64(windowDays))]
                ) { found.insert(try $0.string(at: 0)) }
            }
            return FactsScan.Plan(query: query, context: found)
        }
        return try await ComputeOffLoop.run {
            sample(read, buyers: found, cutoff: cutoff, windowDays: windowDays, rules: rules, valuation: valuation)
        }
    }

    private static func sample(
        _ facts: [CustomerFacts], buyers: Set<String>, cutoff: Int32, windowDays: Int, rules: SegmentationRules,
        valuation: ValuationSource?
    ) -> ChurnSample {
        let assigner = Assigner(rules: rules, asOfDay: cutoff, valuation: valuation)
        let cuts = assigner.cutPoints(facts)
        let parts = ComputeThreads.chunks(count: facts.count, minimumCount: 10_000) { range -> ChurnSample in
            var part = ChurnSample()
            part.features.reserveRows(range.count)
            var row: [Double] = []
            for facts in facts[range] {
                let probabilityAlive = valuation?.probabilityAlive(facts, asOf: cutoff)
                ChurnFeatures.row(
                    facts, assigner: assigner, cuts: cuts, windowDays: windowDays, probabilityAlive: probabilityAlive, into: &row)
                part.features.append(row)
                part.customerIDs.append(facts.customerID)
                part.churned.append(!buyers.contains(facts.customerID))
                part.oneMinusProbabilityAlive.append(1 - (probabilityAlive ?? 0))
                part.recencyDays.append(Double(cutoff - (facts.lastPurchaseDay ?? cutoff)))
            }
            return part
        }
        var sample = ChurnSample()
        var values: [Double] = []
        values.reserveCapacity(facts.count * ChurnFeatures.count)
        for part in parts {
            sample.customerIDs += part.customerIDs
            values += part.features.values
            sample.churned += part.churned
            sample.oneMinusProbabilityAlive += part.oneMinusProbabilityAlive
            sample.recencyDays += part.recencyDays
        }
        sample.features = FeatureMatrix(columns: ChurnFeatures.count, values: values)
        return sample
    }
}
