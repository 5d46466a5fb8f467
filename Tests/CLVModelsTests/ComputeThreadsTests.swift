import Foundation
import Testing

@testable import CLVModels

@Suite("Compute threads")
struct ComputeThreadsTests {
    @Test func chunksCoverTheIndicesOnceInOrder() {
        for count in [0, 1, 2, 7, 1_001] {
            let ranges = ComputeThreads.chunks(count: count) { $0 }
            #expect(ranges.count == (count < 2 ? 1 : min(ComputeThreads.width, count)))
            #expect(ranges.flatMap { Array($0) } == Array(0..<count))
        }
        #expect(ComputeThreads.chunks(count: 500, minimumCount: 1_000) { $0 } == [0..<500])
    }

    @Test func sumsAndMapsAgreeWithASingleThread() {
        let values = (0..<50_000).map { Double($0 % 97) / 7 }
        let sums = ParallelSum.sum(count: values.count, width: 2) { range in
            [range.reduce(0) { $0 + values[$1] }, Double(range.count)]
        }
        #expect(abs(sums[0] - values.reduce(0, +)) < 1e-6 && sums[1] == Double(values.count))
        #expect(ParallelMap.map(count: values.count) { values[$0] * 2 } == values.map { $0 * 2 })
    }
}
