import Testing

@testable import CLVModels

@Suite("RFM binning")
struct RFMBinningTests {
    @Test func cutPointsAreInvertedCDFQuantiles() {
        // n = 10: n·q is whole, so the cut is the (n·q)-th smallest value.
        let tens = [70.0, 10, 100, 40, 20, 90, 30, 60, 80, 50]
        #expect(RFMBinning.cutPoints(tens) == [20, 40, 60, 80])
        // n = 7: n·q = 1.4, 2.8, 4.2, 5.6 round up to the 2nd, 3rd, 5th and 6th smallest.
        #expect(RFMBinning.cutPoints([7, 1, 6, 2, 5, 3, 4]) == [2, 3, 5, 6])
        #expect(RFMBinning.cutPoints([]) == [])
        #expect(RFMBinning.cutPoints([3]) == [3, 3, 3, 3])
    }

    /// Whole numbers in a small span take the counting path; it agrees with selection on the
    /// same values shifted off whole numbers, and with a full sort.
    @Test func countedCutPointsAgreeWithSelection() {
        var generator = SplitMix64(seed: 5)
        for count in [1, 2, 7, 10, 999, 20_000] {
            let days = (0..<count).map { _ in -Double(generator.next() % 700) }
            let counted = RFMBinning.cutPoints(days)
            #expect(RFMBinning.countedCutPoints(days, ranks: [0]) != nil)
            let sorted = days.sorted()
            #expect(counted == RFMBinning.quintiles.map { sorted[RFMBinning.rank(of: $0, count: count)] }, "\(count)")
            #expect(RFMBinning.cutPoints(days.map { $0 + 0.5 }) == counted.map { $0 + 0.5 }, "\(count)")
        }
        #expect(RFMBinning.countedCutPoints([0, 70_000], ranks: [0]) == nil)
        #expect(RFMBinning.countedCutPoints([1, 2.5], ranks: [0]) == nil)
        #expect(RFMBinning.cutPoints([0, 70_000, 5, 5]) == [0, 5, 5, 70_000])
    }

    @Test func scoresCountTheCutsStrictlyBelow() {
        let cuts = [20.0, 40, 60, 80]
        #expect([0, 20, 20.5, 40, 61, 80, 81].map { RFMBinning.score($0, cutPoints: cuts) } == [1, 1, 2, 2, 4, 4, 5])
        #expect(RFMBinning.score(7, cutPoints: []) == 1)
    }

    @Test func sixtyPercentOnesAllScoreOne() {
        // 600 customers on one purchase day, 400 with 2...401: the first three cuts are all 1.
        let values = Array(repeating: 1.0, count: 600) + (2...401).map(Double.init)
        let cuts = RFMBinning.cutPoints(values.shuffled())
        #expect(cuts == [1, 1, 1, 201])
        let scores = values.map { RFMBinning.score($0, cutPoints: cuts) }
        #expect(scores.prefix(600).allSatisfy { $0 == 1 })
        #expect(scores.filter { $0 == 4 }.count == 200 && scores.filter { $0 == 5 }.count == 200)
    }

    @Test func aTieOnACutFallsIntoTheLowerBin() {
        let values = [2.0, 3, 2, 1, 2]
        let cuts = RFMBinning.cutPoints(values)
        #expect(cuts == [1, 2, 2, 2])
        #expect(values.map { RFMBinning.score($0, cutPoints: cuts) } == [2, 5, 2, 1, 2])
    }

    @Test func distinctValuesFillEachQuintileEqually() {
        let values = (0..<1000).map { Double($0) * 1.5 }.shuffled()
        let cuts = RFMBinning.cutPoints(values)
        var counts = [Int](repeating: 0, count: 6)
        for value in values { counts[RFMBinning.score(value, cutPoints: cuts)] += 1 }
        #expect(counts == [0, 200, 200, 200, 200, 200])
    }

    @Test func selectionAgreesWithSortingOnAwkwardInputs() {
        var generator = SplitMix64(seed: 12)
        let n = 20_011
        let inputs: [String: [Double]] = [
            "random with ties": (0..<n).map { _ in Double(generator.next() % 97) },
            "ascending": (0..<n).map(Double.init),
            "descending": (0..<n).map { Double(n - $0) },
            "all equal": Array(repeating: 4.5, count: n),
            "organ pipe": (0..<n).map { Double(min($0, n - $0)) },
            "two values": (0..<n).map { Double($0 % 2) },
        ]
        let quantiles = [0.0001, 0.2, 0.25, 0.4, 0.5, 0.6, 0.8, 0.9999]
        for (name, values) in inputs {
            let sorted = values.sorted()
            let expected = quantiles.map { sorted[RFMBinning.rank(of: $0, count: n)] }
            #expect(RFMBinning.cutPoints(values, quantiles: quantiles) == expected, "\(name)")
        }
    }

    @Test func rankRoundsUpUnlessWhole() {
        #expect(RFMBinning.rank(of: 0.6, count: 5) == 2)
        #expect(RFMBinning.rank(of: 0.61, count: 5) == 3)
        #expect(RFMBinning.rank(of: 0, count: 5) == 0)
        #expect(RFMBinning.rank(of: 1, count: 5) == 4)
    }

    @Test func customQuantilesAreValidated() {
        #expect(RFMBinning.problem(quantiles: RFMBinning.quintiles) == nil)
        #expect(RFMBinning.problem(quantiles: [0.1, 0.3, 0.5, 0.9]) == nil)
        #expect(RFMBinning.problem(quantiles: [0.25, 0.5, 0.75])?.contains("exactly 4") == true)
        #expect(RFMBinning.problem(quantiles: [0, 0.4, 0.6, 0.8])?.contains("outside (0, 1)") == true)
        #expect(RFMBinning.problem(quantiles: [0.2, 0.4, 0.6, 1])?.contains("outside (0, 1)") == true)
        #expect(RFMBinning.problem(quantiles: [0.2, 0.6, 0.4, 0.8])?.contains("strictly increasing") == true)
        #expect(RFMBinning.problem(quantiles: [0.2, 0.4, 0.4, 0.8])?.contains("strictly increasing") == true)
        #expect(RFMBinning.problem(quantiles: [0.2, .nan, 0.6, 0.8]) != nil)
    }
}
