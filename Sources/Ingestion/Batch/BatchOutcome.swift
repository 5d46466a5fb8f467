import CLVProto

/// The tally of one batch: what was inserted, updated or unchanged, and each rejection.
struct BatchOutcome: Sendable {
    let received: Int
    var inserted = 0
    var updated = 0
    var unchanged = 0
    private(set) var rejections: [RecordRejection] = []

    init(received: Int) {
        self.received = received
    }

    mutating func reject(index: Int, recordID: String, _ problem: RecordProblem) {
        rejections.append(
            RecordRejection(
                index: UInt32(index), recordID: recordID, field: problem.field, reason: problem.reason,
                code: UInt32(problem.code.rawValue)))
    }

    var rejected: Int { rejections.count }

    var response: IngestResponse {
        IngestResponse(
            received: UInt32(received), inserted: UInt32(inserted), updated: UInt32(updated),
            unchanged: UInt32(unchanged), rejections: rejections.sorted { $0.index < $1.index })
    }
}
