import Testing

@testable import RPC

@Suite struct FlushBatcherTests {
    @Test func writesInOneTickShareOneScheduledFlush() {
        var batcher = FlushBatcher(maximumBatch: 8)
        #expect(write(&batcher) == .schedule)
        #expect(write(&batcher) == .none)
        #expect(write(&batcher) == .none)
        let pending = batcher.scheduledFlushRuns()
        #expect(pending)
        #expect(write(&batcher) == .schedule)
    }

    @Test func aLongBatchFlushesEveryMaximumBatchWrites() {
        var batcher = FlushBatcher(maximumBatch: 3)
        var actions: [FlushBatcher.Action] = []
        for _ in 0..<7 { actions.append(batcher.didWrite()) }
        #expect(actions == [.schedule, .none, .flush, .none, .none, .flush, .none])
        // The flush still scheduled has one write left to send.
        let pending = batcher.scheduledFlushRuns()
        #expect(pending)
    }

    @Test func aScheduledFlushAfterAnEarlyFlushHasNothingToDo() {
        var batcher = FlushBatcher(maximumBatch: 2)
        #expect(write(&batcher) == .schedule)
        #expect(write(&batcher) == .flush)
        let pending = batcher.scheduledFlushRuns()
        #expect(!pending)
    }

    private func write(_ batcher: inout FlushBatcher) -> FlushBatcher.Action {
        batcher.didWrite()
    }
}
