import CLVProto

/// What an import did, for the closing table or `--json`.
///
/// Every record of the file is accounted for: records = inserted + updated + unchanged +
/// skipped + rejected (`reconciles`), and every line: lines = header + in records + blank.
public struct ImportSummary: Sendable, Encodable, Hashable {
    public var file: String
    public var kind: String
    /// Records read from the file (blank lines are none; a malformed one is).
    public var rowsRead = 0
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    /// Rows left out on purpose by `--map-value FIELD:FROM=skip`.
    public var skipped = 0
    /// Rows refused on the client (never sent) plus rows the service rejected.
    public var rejected: Int { rejectedClientSide + rejectedServerSide }
    public var rejectedClientSide = 0
    public var rejectedServerSide = 0
    /// Where the file's lines went; nil until the whole file was read.
    public var lines: LineCounts?
    /// Ids whose leading apostrophe was removed.
    public var apostrophesRemoved = 0
    /// The zone of times written without an offset, and the time format.
    public var timezone = "UTC"
    public var timeFormat = TimeFormat.iso.rawValue
    /// Batches sent, and how many times one was sent again.
    public var batches = 0
    public var retries = 0
    public var elapsedSeconds = 0.0
    /// The rejects file, when some row was rejected.
    public var rejectsFile: String?
    /// Whether a rejects file of an earlier run was removed.
    public var staleRejectsRemoved = false
    /// Problems of the rejected rows by reason (values left out), most frequent first.
    public var rejectReasons: [ReasonCount] = []

    /// A reason and how many rows had it.
    public struct ReasonCount: Sendable, Encodable, Hashable {
        public var reason: String
        public var count: Int
    }

    public init(file: String, kind: String) {
        self.file = file
        self.kind = kind
    }

    /// Records whose fate the summary gives.
    public var settled: Int { inserted + updated + unchanged + skipped + rejected }

    /// Whether every record read is inserted, updated, unchanged, skipped or rejected.
    public var reconciles: Bool { settled == rowsRead }

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

    /// Sets the reasons from the rejects writer's tally.
    mutating func setReasons(_ counts: [String: Int]) {
        rejectReasons = counts.map { ReasonCount(reason: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.reason < $1.reason }
    }

    /// "10 = 8 inserted + 0 updated + 0 unchanged + 1 skipped + 1 rejected (reconciled)".
    public var recordsText: String {
        let sum = "\(rowsRead) = \(inserted) inserted + \(updated) updated + \(unchanged) unchanged + \(skipped) skipped + \(rejected) rejected"
        return reconciles ? sum + " (reconciled)" : sum + " — does not reconcile: \(rowsRead - settled) not settled"
    }

    /// Rows as `clv` prints them.
    public var rows: [(String, String)] {
        var rows = [("file", file), ("kind", kind)]
        if let lines {
            rows.append(("lines", "\(lines.total) = \(lines.header) header + \(lines.inRecords) in records + \(lines.blank) blank"))
        } else {
            rows.append(("lines", "not all read"))
        }
        rows.append(("records", recordsText))
        rows.append(("rejected", "\(rejected) (\(rejectedClientSide) by the client, \(rejectedServerSide) by the server)"))
        rows.append(("times", "\(timeFormat == TimeFormat.iso.rawValue ? "ISO 8601" : timeFormat); without an offset read in \(timezone)"))
        if apostrophesRemoved > 0 { rows.append(("ids", "\(apostrophesRemoved) leading apostrophes removed")) }
        rows += [
            ("batches", retries > 0 ? "\(batches) (\(retries) retried)" : String(batches)),
            ("elapsed", ProgressFormat.duration(elapsedSeconds, fraction: true)),
            ("rows/s", String(Int(rowsPerSecond.rounded()))),
            ("rejects file", (rejectsFile ?? "none") + (staleRejectsRemoved ? " (an earlier run's file was removed)" : "")),
        ]
        return rows
    }

    private enum CodingKeys: String, CodingKey {
        case file, kind, records, rowsRead, inserted, updated, unchanged, skipped, rejected, rejectedClientSide, rejectedServerSide
        case reconciles, lines, apostrophesRemoved, timezone, timeFormat
        case batches, retries, elapsedSeconds, rowsPerSecond, rejectsFile, staleRejectsRemoved, rejectReasons
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(kind, forKey: .kind)
        try container.encode(rowsRead, forKey: .records)
        try container.encode(rowsRead, forKey: .rowsRead)
        try container.encode(inserted, forKey: .inserted)
        try container.encode(updated, forKey: .updated)
        try container.encode(unchanged, forKey: .unchanged)
        try container.encode(skipped, forKey: .skipped)
        try container.encode(rejected, forKey: .rejected)
        try container.encode(rejectedClientSide, forKey: .rejectedClientSide)
        try container.encode(rejectedServerSide, forKey: .rejectedServerSide)
        try container.encode(reconciles, forKey: .reconciles)
        try container.encode(lines, forKey: .lines)
        try container.encode(apostrophesRemoved, forKey: .apostrophesRemoved)
        try container.encode(timezone, forKey: .timezone)
        try container.encode(timeFormat, forKey: .timeFormat)
        try container.encode(batches, forKey: .batches)
        try container.encode(retries, forKey: .retries)
        try container.encode((elapsedSeconds * 1000).rounded() / 1000, forKey: .elapsedSeconds)
        try container.encode(rowsPerSecond.rounded(), forKey: .rowsPerSecond)
        try container.encode(rejectsFile, forKey: .rejectsFile)
        try container.encode(staleRejectsRemoved, forKey: .staleRejectsRemoved)
        try container.encode(rejectReasons, forKey: .rejectReasons)
    }
}
