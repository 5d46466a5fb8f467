/// An import that stopped before the end of the file, with what it had done by then.
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    /// Why it stopped: an `RPCError`, a `CSVSourceError`, an I/O error.
    public var underlying: any Error
    /// What was done before it stopped: rows read, and the answers of the batches settled by then.
    public var summary: ImportSummary

    public init(underlying: any Error, summary: ImportSummary) {
        self.underlying = underlying
        self.summary = summary
    }

    public var description: String { "\(underlying)" }
}
