import CLVProto
import CSVImport
import RPC

/// Stands in for the ingestion service: records every batch, fails the first calls on demand,
/// and rejects the records `reject` picks, at their index in the batch, as the service does.
actor FakeIngestion<Record: Sendable> {
    private(set) var batches: [[Record]] = []
    private var failures: [RPCError]
    private let reject: @Sendable (Record) -> String?
    private let onCall: @Sendable () async -> Void
    private let rejectField: String

    init(
        failFirstCallsWith failures: [RPCError] = [], onCall: @escaping @Sendable () async -> Void = {},
        rejectField: String = "market", reject: @escaping @Sendable (Record) -> String? = { _ in nil }
    ) {
        self.failures = failures
        self.reject = reject
        self.onCall = onCall
        self.rejectField = rejectField
    }

    nonisolated var send: BatchSend<Record> {
        { records throws(RPCError) in try await self.receive(records) }
    }

    private func receive(_ records: [Record]) async throws(RPCError) -> IngestResponse {
        await onCall()
        if !failures.isEmpty { throw failures.removeFirst() }
        batches.append(records)
        var rejections: [RecordRejection] = []
        for (index, record) in records.enumerated() {
            if let reason = reject(record) {
                rejections.append(RecordRejection(index: UInt32(index), recordID: "", field: rejectField, reason: reason, code: 3))
            }
        }
        return IngestResponse(
            received: UInt32(records.count), inserted: UInt32(records.count - rejections.count), rejections: rejections)
    }
}
