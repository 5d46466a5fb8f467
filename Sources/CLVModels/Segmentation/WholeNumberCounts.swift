/// How many values take each whole number of a span below 65,536: the order statistics of a
/// whole-number measure (days, purchase days) read off the counts in one pass. RFMBinning's
/// counting path.
struct WholeNumberCounts {
    /// The widest span counted; wider measures are selected instead.
    static let maximumSpan = 65_536

    /// The smallest value.
    let low: Double
    /// counts[k] values equal `low + k`.
    let counts: [Int32]
    /// The smallest to the largest of integer input, before any negation; nil for Doubles.
    let range: ClosedRange<Int>?

    /// The counts of `values`, or nil when one is not a whole number or they span too much.
    init?(_ values: [Double]) {
        var low = Double.infinity, high = -Double.infinity
        var fraction = false
        var start = 0
        // Blocks, so a non-whole measure (monetary value) stops early while the loop over a
        // block stays free of branches.
        while start < values.count, !fraction {
            let end = min(start + 1_024, values.count)
            for index in start..<end {
                let value = values[index]
                fraction = fraction || value.rounded(.towardZero) != value
                low = min(low, value)
                high = max(high, value)
            }
            start = end
        }
        guard !fraction, high - low < Double(Self.maximumSpan) else { return nil }
        counts = values.withUnsafeBufferPointer { values in
            Histogram.counts(values.count, width: Int(high - low) + 1) { Int(values[$0] - low) }
        }
        self.low = low
        range = nil
    }

    /// The counts of `values`, negated first when `negated` (recency is binned on minus the
    /// days), or nil when they span too much or leave the integers a Double holds exactly.
    init?(_ values: [Int], negated: Bool) {
        guard let first = values.first else { return nil }
        var low = first, high = first
        for value in values.dropFirst() {
            low = min(low, value)
            high = max(high, value)
        }
        let exact = 1 << Double.significandBitCount
        guard low > -exact, high < exact, high - low < Self.maximumSpan else { return nil }
        counts = values.withUnsafeBufferPointer { values in
            // Negated values count from −high: −value − (−high) = high − value.
            negated
                ? Histogram.counts(values.count, width: high - low + 1) { high &- values[$0] }
                : Histogram.counts(values.count, width: high - low + 1) { values[$0] &- low }
        }
        self.low = Double(negated ? -high : low)
        range = low...high
    }

    /// The value a full ascending sort would put at each of `ranks` (0-based, below the count).
    func values(at ranks: [Int]) -> [Double] {
        ranks.map { rank in
            var below = 0
            for (offset, count) in counts.enumerated() {
                below += Int(count)
                if below > rank { return low + Double(offset) }
            }
            return low + Double(counts.count - 1)
        }
    }
}
