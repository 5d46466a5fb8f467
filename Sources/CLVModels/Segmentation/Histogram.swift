/// Counts of small non-negative integers, the core of counting and bucket selection.
enum Histogram {
    /// counts[k] = how many of `0..<count` have `bin(i) == k`, for bins in `0..<width`.
    ///
    /// Four interleaved tables: a run of equal bins (most customers have one purchase day)
    /// would otherwise wait on its own previous increment.
    @inline(__always)
    static func counts(_ count: Int, width: Int, bin: (Int) -> Int) -> [Int32] {
        var lanes = [Int32](repeating: 0, count: 4 * width)
        lanes.withUnsafeMutableBufferPointer { lanes in
            var index = 0
            while index + 4 <= count {
                lanes[bin(index)] &+= 1
                lanes[width + bin(index + 1)] &+= 1
                lanes[2 * width + bin(index + 2)] &+= 1
                lanes[3 * width + bin(index + 3)] &+= 1
                index += 4
            }
            while index < count {
                lanes[bin(index)] &+= 1
                index += 1
            }
        }
        return (0..<width).map { lanes[$0] &+ lanes[width + $0] &+ lanes[2 * width + $0] &+ lanes[3 * width + $0] }
    }
}
