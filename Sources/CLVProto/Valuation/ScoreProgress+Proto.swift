import CLVProtoC

extension ScoreProgress: CMessageConvertible {
    static let protoName = "clv.valuation.v1.ScoreProgress"
    static let unpack = clv__valuation__v1__score_progress__unpack
    static let freeUnpacked = clv__valuation__v1__score_progress__free_unpacked

    init(c pointer: UnsafePointer<Clv__Valuation__V1__ScoreProgress>) {
        let c = pointer.pointee
        scoringID = c.scoring_id
        runID = c.run_id
        phase = CRead.string(c.phase)
        scored = c.scored
        total = c.total
        seconds = c.seconds
        done = c.done != 0
        terms = ValueTerms(c: c.terms)
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Valuation__V1__ScoreProgress> {
        let progress = arena.message(Clv__Valuation__V1__ScoreProgress.self, clv__valuation__v1__score_progress__init)
        progress.pointee.scoring_id = scoringID
        progress.pointee.run_id = runID
        progress.pointee.phase = arena.string(phase)
        progress.pointee.scored = scored
        progress.pointee.total = total
        progress.pointee.seconds = seconds
        progress.pointee.done = done ? 1 : 0
        progress.pointee.terms = terms.cMessage(in: arena)
        return progress
    }
}
