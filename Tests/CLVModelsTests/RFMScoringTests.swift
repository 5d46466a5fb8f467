import Testing

@testable import CLVModels

@Suite("RFM scoring in batches")
struct RFMScoringTests {
    /// Customers with heavy ties: most on one purchase day, order values on a coarse grid, so
    /// many values sit exactly on a cut.
    static func customers(_ count: Int, seed: UInt64) -> (days: [Int], frequency: [Int], monetary: [Double]) {
        var generator = SplitMix64(seed: seed)
        let days = (0..<count).map { _ in Int(generator.next() % 731) }
        let frequency = (0..<count).map { _ in generator.next() % 3 == 0 ? 1 + Int(generator.next() % 40) : 1 }
        let monetary = (0..<count).map { _ in Double(generator.next() % 50) * 125 / Double(1 + generator.next() % 3) }
        return (days, frequency, monetary)
    }

    /// The scalar path the batch must equal: Double measures, `cutPoints`, `score`, `init`.
    static func scalarSegments(_ days: [Int], _ frequency: [Int], _ monetary: [Double], quantiles: [Double]) -> [RFMSegment] {
        let recency = days.map { -Double($0) }, purchases = frequency.map(Double.init)
        let cuts = (
            RFMBinning.cutPoints(recency, quantiles: quantiles), RFMBinning.cutPoints(purchases, quantiles: quantiles),
            RFMBinning.cutPoints(monetary, quantiles: quantiles)
        )
        return days.indices.map { index in
            RFMSegment(
                RFMScores(
                    recency: RFMBinning.score(recency[index], cutPoints: cuts.0),
                    frequency: RFMBinning.score(purchases[index], cutPoints: cuts.1),
                    monetary: RFMBinning.score(monetary[index], cutPoints: cuts.2)))
        }
    }

    @Test(arguments: [1, 2, 7, 999, 5_000, 250_000])
    func batchSegmentsEqualTheScalarPath(count: Int) {
        let (days, frequency, monetary) = Self.customers(count, seed: UInt64(count))
        for quantiles in [RFMBinning.quintiles, [0.1, 0.5, 0.7, 0.95], [0.3, 0.6]] {
            let scoring = RFMScoring(recencyDays: days, frequency: frequency, monetary: monetary, quantiles: quantiles)
            #expect(scoring.cutPoints.recency == RFMBinning.cutPoints(days.map { -Double($0) }, quantiles: quantiles))
            #expect(scoring.cutPoints.frequency == RFMBinning.cutPoints(frequency.map(Double.init), quantiles: quantiles))
            #expect(scoring.cutPoints.monetary == RFMBinning.cutPoints(monetary, quantiles: quantiles))
            let segments = scoring.segments(recencyDays: days, frequency: frequency, monetary: monetary)
            #expect(segments == Self.scalarSegments(days, frequency, monetary, quantiles: quantiles), "\(count) \(quantiles)")
        }
    }

    /// Customers outside the batch the tables cover (and values on every cut) score as `score` does.
    @Test func scoresOutsideTheTablesFallBackToTheCuts() {
        let (days, frequency, monetary) = Self.customers(1_000, seed: 3)
        let scoring = RFMScoring(recencyDays: days, frequency: frequency, monetary: monetary)
        let cuts = scoring.cutPoints
        let others = Self.customers(1_000, seed: 4)
        // Days and purchase days beyond the tables' ranges, and every monetary cut itself.
        let otherDays = others.days.map { $0 * 3 - 500 } + Array(repeating: 0, count: cuts.monetary.count)
        let otherFrequency = others.frequency.map { $0 * 2 } + Array(repeating: 1, count: cuts.monetary.count)
        let otherMonetary = others.monetary + cuts.monetary
        let expected = otherDays.indices.map { index in
            RFMScores(
                recency: RFMBinning.score(-Double(otherDays[index]), cutPoints: cuts.recency),
                frequency: RFMBinning.score(Double(otherFrequency[index]), cutPoints: cuts.frequency),
                monetary: RFMBinning.score(otherMonetary[index], cutPoints: cuts.monetary))
        }
        #expect(Set(expected.map(\.recency)).count == 5 && Set(expected.map(\.monetary)).count == 5)
        #expect(otherDays.indices.map {
            scoring.scores(recencyDays: otherDays[$0], frequency: otherFrequency[$0], monetary: otherMonetary[$0])
        } == expected)
        #expect(scoring.segments(recencyDays: otherDays, frequency: otherFrequency, monetary: otherMonetary)
            == expected.map(RFMSegment.init))
    }

    @Test func integerCutPointsEqualTheirDoubles() {
        var generator = SplitMix64(seed: 21)
        let inputs: [String: [Int]] = [
            "days with ties": (0..<20_000).map { _ in Int(generator.next() % 97) },
            "negative and positive": (0..<5_001).map { _ in Int(generator.next() % 2_001) - 1_000 },
            "wider than counted": (0..<9_999).map { _ in Int(generator.next() % 1_000_000) },
            "beyond exact Doubles": [1 << 60, 3, (1 << 60) + 1, -(1 << 58)],
            "one": [42],
        ]
        for (name, values) in inputs {
            for negated in [false, true] {
                let doubles = values.map { negated ? -Double($0) : Double($0) }
                #expect(RFMBinning.cutPoints(values, negated: negated) == RFMBinning.cutPoints(doubles), "\(name) \(negated)")
            }
        }
        #expect(RFMBinning.cutPoints([Int](), negated: true) == [])
        #expect(WholeNumberCounts((0..<10).map { $0 * 10_000 }, negated: false) == nil)
        #expect(WholeNumberCounts([5, 1, 3], negated: true)?.range == 1...5)
    }

    /// Bucket selection against a full sort, on inputs that stress its buckets: ties, a tight
    /// cluster with outliers, both zeros, infinities, negatives.
    @Test func bucketSelectionAgreesWithSorting() {
        var generator = SplitMix64(seed: 8)
        let n = 30_011
        func uniform() -> Double { Double(generator.next() >> 11) / Double(1 << 53) }
        let inputs: [String: [Double]] = [
            "lognormal-ish": (0..<n).map { _ in 5_000 * (1 + 9 * uniform() * uniform()) },
            "cluster and outliers": (0..<n).map { $0 % 1_000 == 0 ? 1e12 * uniform() : 4_100 + uniform() },
            "ties": (0..<n).map { _ in Double(generator.next() % 7) + 0.5 },
            "zeros and infinities": (0..<n).map { [0.0, -0.0, .infinity, -.infinity, 2.5, -1.25][$0 % 6] },
            "all equal": Array(repeating: 7.25, count: n),
            "negatives": (0..<n).map { _ in -uniform() * 1e6 },
        ]
        let ranks = [0, 1, 6_000, 6_001, 15_000, 29_999, n - 1]
        for (name, values) in inputs {
            let sorted = values.sorted()
            let selected = values.withUnsafeBufferPointer { OrderStatistics.values(at: ranks, of: $0) }
            #expect(selected == ranks.map { sorted[$0] }, "\(name)")
        }
    }

    /// More quantiles than bucket selection tags select on a copy; the cuts are the same ranks.
    @Test func hundredsOfQuantilesSelectOnACopy() {
        var generator = SplitMix64(seed: 9)
        let values = (0..<10_007).map { _ in Double(generator.next() % 100_000) / 8 }
        let quantiles = (1...300).map { Double($0) / 301 }
        let sorted = values.sorted()
        #expect(RFMBinning.cutPoints(values, quantiles: quantiles)
            == quantiles.map { sorted[RFMBinning.rank(of: $0, count: values.count)] })
    }

    @Test func histogramsCountEveryBin() {
        let bins = (0..<1_003).map { ($0 * 7) % 11 }
        let counts = Histogram.counts(bins.count, width: 11) { bins[$0] }
        #expect(counts.map(Int.init) == (0..<11).map { bin in bins.filter { $0 == bin }.count })
    }
}
