import Foundation
import Testing

@testable import CLVModels

@Suite("Scorecard expansion")
struct ScorecardExpansionTests {
    /// x uniform on 0 … 99, ln(1 + x), a constant and y uniform on 0 … 9.
    static func rows(_ count: Int) -> FeatureMatrix {
        var generator = SplitMix64(seed: 21)
        var features = FeatureMatrix(columns: 4)
        for _ in 0..<count {
            let x = Double(generator.next() % 100)
            features.append([x, log1p(x), 7, Double(generator.next() % 10)])
        }
        return features
    }

    @Test func constantsAndMonotoneTransformsAddNoMains() {
        let expansion = ScorecardExpansion.learn(Self.rows(2_000), maximumBins: 8, crossBins: 3, crosses: [(1, 3)])
        // ln(1 + x) sorts the rows as x does; the constant has one bin.
        #expect(expansion.mains.map(\.feature) == [0, 3])
        #expect(expansion.mains.map(\.bins.count) == [8, 8])
        #expect(expansion.crosses.count == 1 && expansion.crosses[0].first.feature == 1)
        #expect(expansion.offsets == [0, 8, 16, 25] && expansion.columnCount == 25 && expansion.termsPerRow == 3)
    }

    @Test func eachRowHasOneColumnPerMainAndPerCross() {
        let features = Self.rows(3_000)
        let expansion = ScorecardExpansion.learn(features, maximumBins: 8, crossBins: 3, crosses: [(1, 3)])
        let design = expansion.design(features)
        #expect(design.rows == 3_000 && design.termsPerRow == 3)
        for row in [0, 1_499, 2_999] {
            let values = features[row]
            let cross = expansion.crosses[0]
            let expected = [
                expansion.mains[0].bins.bin(values[values.startIndex]),
                8 + expansion.mains[1].bins.bin(values[values.startIndex + 3]),
                16 + cross.first.bins.bin(values[values.startIndex + 1]) * 3 + cross.second.bins.bin(values[values.startIndex + 3]),
            ]
            #expect(design.columns[(row * 3)..<(row * 3 + 3)].map(Int.init) == expected)
        }
        // Every row counts once in each main's columns and once in the cross's.
        let counts = design.columnCounts()
        #expect(counts[0..<8].reduce(0, +) == 3_000 && counts[8..<16].reduce(0, +) == 3_000 && counts[16...].reduce(0, +) == 3_000)
    }

    @Test func crossTermsNameBothConditions() {
        let expansion = ScorecardExpansion(
            featureCount: 2, mains: [],
            crosses: [
                .init(first: .init(feature: 0, bins: FeatureBins(edges: [10])), second: .init(feature: 1, bins: FeatureBins(edges: [1, 2])))
            ])
        #expect(expansion.columnCount == 6)
        #expect(expansion.term(4).text(names: ["recency_days", "issues_recent"]) == "recency_days ≥ 10 × issues_recent in [1, 2)")
        #expect(expansion.term(0).text(names: ["recency_days", "issues_recent"]) == "recency_days < 10 × issues_recent < 1")
    }
}
