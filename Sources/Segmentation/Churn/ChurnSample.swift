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

    /// A cut-off to sample: customers with a purchase on or before `day`, as of it; labelled
    /// from (day, day + W] when `labelled`.
    struct Cutoff: Sendable {
        var day: Int32
        var labelled: Bool
    }

    /// The samples of `cutoffs`, in their order, from one read of the stored rows.
    static func read(
        _ cutoffs: [Cutoff], windowDays: Int, rules: SegmentationRules, valuation: ValuationSource?, pool: PGPool
    ) async throws -> [ChurnSample] {
        let queries = cutoffs.map { cutoff in
            CustomerFacts.Query(
                asOfDay: cutoff.day, warnings: rules.warnings, includeProspects: false, followingDays: cutoff.labelled ? windowDays : nil)
        }
        let (read, _) = try await FactsScan.read(pool: pool) { _ in FactsScan.Plan(queries: queries, context: ()) }
        var samples: [ChurnSample] = []
        for (cutoff, facts) in zip(cutoffs, read) {
            samples.append(
                try await ComputeOffLoop.run {
                    sample(facts, cutoff: cutoff.day, windowDays: windowDays, rules: rules, valuation: valuation)
                })
        }
        return samples
    }

    private static func sample(
        _ facts: [CustomerFacts], cutoff: Int32, windowDays: Int, rules: SegmentationRules, valuation: ValuationSource?
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
                part.churned.append(!(facts.boughtInFollowingDays ?? false))
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
