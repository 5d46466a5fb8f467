/// A whole-number measure's scores as a table over the range a batch covers, so scoring a
/// customer is one load instead of comparisons with every cut. RFMScoring's helper.
struct WholeNumberScores: Sendable {
    /// The measure's cut points, in the binned orientation.
    let cutPoints: [Double]
    let negated: Bool
    /// The smallest measure the table covers (before negation).
    let low: Int
    /// table[k] is the score of `low + k`; empty without a range or with 255 cuts or more.
    let table: [UInt8]

    init(cutPoints: [Double], covering range: ClosedRange<Int>?, negated: Bool) {
        self.cutPoints = cutPoints
        self.negated = negated
        guard let range, cutPoints.count < Int(UInt8.max) else {
            (low, table) = (0, [])
            return
        }
        low = range.lowerBound
        table = range.map { UInt8(RFMBinning.score(negated ? -Double($0) : Double($0), cutPoints: cutPoints)) }
    }

    /// `RFMBinning.score` of `value` (negated first when `negated`).
    @inline(__always)
    func score(_ value: Int) -> Int {
        let offset = UInt(bitPattern: value &- low)
        if offset < UInt(table.count) { return Int(table[Int(offset)]) }
        return RFMBinning.score(negated ? -Double(value) : Double(value), cutPoints: cutPoints)
    }
}
