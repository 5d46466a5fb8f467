import Testing

@testable import CLVModels

@Suite("RFM segments")
struct RFMSegmentTests {
    @Test func theRuleTableAssignsEveryTripleExactlyOneSegment() {
        var firstMatches = [Int](repeating: 0, count: RFMSegment.rules.count)
        for scores in RFMScores.all {
            // The table's ranges evaluated on their own, independently of `init`: first match wins.
            let first = RFMSegment.rules.firstIndex { rule in
                rule.recency.contains(scores.recency)
                    && rule.frequencyPlusMonetary.contains(scores.frequency + scores.monetary)
            }
            guard let first else {
                Issue.record("\(scores) matches no rule")
                continue
            }
            firstMatches[first] += 1
            #expect(RFMSegment(scores) == RFMSegment.rules[first].segment, "\(scores)")
        }
        #expect(firstMatches.reduce(0, +) == 125)
        // No rule is shadowed by those before it; the triples per rule, in priority order. The final
        // catch-all gets (2, 1, 1) and the 7 triples with R 1 and F + M of 4 or 5.
        #expect(firstMatches == [12, 33, 2, 18, 1, 7, 11, 6, 24, 3, 8])
        let last = RFMSegment.rules[RFMSegment.rules.count - 1]
        #expect(RFMScores.all.allSatisfy(last.matches))
    }

    @Test func everySegmentIsReachable() {
        let reached = Set(RFMScores.all.map { RFMSegment($0) })
        #expect(reached == Set(RFMSegment.allCases))
        #expect(Set(RFMSegment.rules.map(\.segment)) == Set(RFMSegment.allCases))
    }

    @Test func segmentsFollowTheirIntent() {
        func segment(_ r: Int, _ f: Int, _ m: Int) -> RFMSegment {
            RFMSegment(RFMScores(recency: r, frequency: f, monetary: m))
        }
        #expect(segment(5, 5, 5) == .champions)
        #expect(segment(4, 3, 4) == .loyal)
        #expect(segment(5, 1, 1) == .new)
        #expect(segment(4, 1, 1) == .new)
        #expect(segment(3, 1, 1) == .promising)
        #expect(segment(5, 2, 3) == .potentialLoyalist)
        #expect(segment(3, 2, 2) == .needAttention)
        #expect(segment(3, 1, 2) == .aboutToSleep)
        #expect(segment(2, 2, 2) == .aboutToSleep)
        #expect(segment(1, 5, 4) == .cantLoseThem)
        #expect(segment(2, 5, 5) == .atRisk)
        #expect(segment(1, 3, 3) == .atRisk)
        #expect(segment(1, 1, 2) == .lost)
        #expect(segment(1, 2, 2) == .hibernating)
        #expect(segment(2, 1, 1) == .hibernating)
        // Out-of-range scores are clamped to 1...5.
        #expect(segment(0, 9, 6) == .cantLoseThem)
    }

    @Test func namesAreDistinct() {
        #expect(Set(RFMSegment.allCases.map(\.displayName)).count == 11)
        #expect(RFMSegment.cantLoseThem.displayName == "Can't Lose Them")
        #expect(RFMSegment.potentialLoyalist.rawValue == "potential_loyalist")
        #expect(RFMSegment.rules[3].frequencyMonetaryMean == 1.5...2.5)
    }
}
