import CLVProto

/// What an import did, for the closing table or `--json`.
public struct ImportSummary: Sendable, Encodable, Hashable {
    public var file: String
    public var kind: String
    public var rowsRead = 0
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    /// Rows refused on the client (never sent) plus rows the service rejected.
    public var rejected: Int { rejectedClientSide + rejectedServerSide }
    public var rejectedClientSide = 0
    public var rejectedServerSide = 0
    /// Batches sent, and how many times one was sent again.
    public var batches = 0
    public var retries = 0
    public var elapsedSeconds = 0.0
    /// The rejects file, when some row was rejected.
    public var rejectsFile: String?

    public init(file: String, kind: String) {
        self.file = file
        self.kind = kind
    }

    public var rowsPerSecond: Double {
        elapsedSeconds > 0 ? Double(rowsRead) / elapsedSeconds : 0
    }

    /// Adds the service's answer to one batch.
    mutating func add(_ response: IngestResponse) {
        inserted += Int(response.inserted)
        updated += Int(response.updated)
        unchanged += Int(response.unchanged)
        rejectedServerSide += response.rejections.count
    }

    /// Rows as `clv` prints them.
    public var rows: [(String, String)] {
        [
            ("file", file),
            ("kind", kind),
            ("rows read", String(rowsRead)),
            ("inserted", String(inserted)),
            ("updated", String(updated)),
            ("unchanged", String(unchanged)),
            ("rejected", "\(rejected) (\(rejectedClientSide) by the client, \(rejectedServerSide) by the server)"),
            ("batches", retries > 0 ? "\(batches) (\(retries) retried)" : String(batches)),
            ("elapsed", ProgressFormat.duration(elapsedSeconds, fraction: true)),
            ("rows/s", String(Int(rowsPerSecond.rounded()))),
            ("rejects file", rejectsFile ?? "none"),
        ]
    }

    private enum CodingKeys: String, CodingKey {
        case file, kind, rowsRead, inserted, updated, unchanged, rejected, rejectedClientSide, rejectedServerSide
        case batches, retries, elapsedSeconds, rowsPerSecond, rejectsFile
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(kind, forKey: .kind)
        try container.encode(rowsRead, forKey: .rowsRead)
        try container.encode(inserted, forKey: .inserted)
        try container.encode(updated, forKey: .updated)
        try container.encode(unchanged, forKey: .unchanged)
        try container.encode(rejected, forKey: .rejected)
        try container.encode(rejectedClientSide, forKey: .rejectedClientSide)
        try container.encode(rejectedServerSide, forKey: .rejectedServerSide)
        try container.encode(batches, forKey: .batches)
        try container.encode(retries, forKey: .retries)
        try container.encode((elapsedSeconds * 1000).rounded() / 1000, forKey: .elapsedSeconds)
        try container.encode(rowsPerSecond.rounded(), forKey: .rowsPerSecond)
        try container.encode(rejectsFile, forKey: .rejectsFile)
    }
}
