/// `clv.valuation.v1.ScoreProgress`: progress of a scoring, streamed as it goes; the last message
/// has `done` set. A scoring's scores replace the previous scoring's all at once, when it is done.
public struct ScoreProgress: Sendable, Hashable {
    public var scoringID: Int64
    public var runID: Int64
    /// `reading`, `scoring`, `storing` or `done`.
    public var phase: String
    public var scored: UInt64
    public var total: UInt64
    public var seconds: Double
    public var done: Bool
    /// The terms the scoring values customers with, defaults filled in.
    public var terms: ValueTerms

    public init(
        scoringID: Int64 = 0, runID: Int64 = 0, phase: String = "", scored: UInt64 = 0, total: UInt64 = 0,
        seconds: Double = 0, done: Bool = false, terms: ValueTerms = ValueTerms()
    ) {
        self.scoringID = scoringID
        self.runID = runID
        self.phase = phase
        self.scored = scored
        self.total = total
        self.seconds = seconds
        self.done = done
        self.terms = terms
    }
}
