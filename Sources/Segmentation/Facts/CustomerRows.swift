import Foundation

/// The customers a history read covers, in bytewise order of their ids, and where each id is.
struct CustomerIndex: Sendable {
    /// Every id's UTF-8 bytes end to end; id `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    private var positions: [String: Int32] = [:]

    var count: Int { starts.count - 1 }

    /// `ids`: distinct, in bytewise order.
    init(_ ids: [String]) {
        positions.reserveCapacity(ids.count)
        starts.reserveCapacity(ids.count + 1)
        for (position, id) in ids.enumerated() {
            bytes.append(contentsOf: id.utf8)
            starts.append(bytes.count)
            positions[id] = Int32(position)
        }
    }

    /// Whether customer `position`'s id is `id`.
    func hasID(_ id: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let start = starts[position], count = starts[position + 1] - start
        guard count == id.count else { return false }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, id.baseAddress!, count) == 0 }
    }

    /// The position of `id`, nil when it is no customer's.
    func position(of id: UnsafeBufferPointer<UInt8>) -> Int32? {
        positions[String(decoding: id, as: UTF8.self)]
    }
}

/// One stream's rows filed under their customer's position in a CustomerIndex. Rows of a
/// customer usually come together, and in a stream ordered like the customers they come in
/// their order: so the last and the next customer are tried before a hash lookup, and
/// `finish()` groups rows that came out of order with a counting sort.
struct CustomerRows<Row> {
    private var positionOfRow: [Int32] = []
    private var rows: [Row] = []
    /// After `finish()`: customer `c`'s rows are `rows[offsets[c]..<offsets[c + 1]]`.
    private var offsets: [Int] = []
    private var inOrder = true
    private var last: Int32 = -1
    private var guesses = 0, rightGuesses = 0

    /// Room for `count` rows, so that a stream of millions is not copied as it grows.
    mutating func reserveCapacity(_ count: Int) {
        rows.reserveCapacity(count)
        positionOfRow.reserveCapacity(count)
    }

    /// Files `row` under the customer whose id is `id` (UTF-8); drops it when the id is no
    /// customer's (a row whose customer was erased after the customers were read cannot be).
    mutating func append(id: UnsafeBufferPointer<UInt8>, in customers: CustomerIndex, _ row: Row) {
        let position: Int32
        // In a stream in no order the neighbours are a cache miss each for nothing: past a
        // thousand rows, they are tried only while they are right at least a fifth of the time.
        let probe = guesses < 1_000 || rightGuesses * 5 >= guesses
        if probe, last >= 0, customers.hasID(id, at: Int(last)) {
            position = last
        } else if probe, Int(last + 1) < customers.count, customers.hasID(id, at: Int(last + 1)) {
            position = last + 1
        } else if let found = customers.position(of: id) {
            position = found
        } else {
            return
        }
        guesses += 1
        if position == last || position == last + 1 { rightGuesses += 1 }
        if position < last { inOrder = false }
        last = position
        positionOfRow.append(position)
        rows.append(row)
    }

    /// Groups the rows by customer; call once, after the last `append`.
    mutating func finish(customers: Int) {
        var offsets = [Int](repeating: 0, count: customers + 1)
        for position in positionOfRow { offsets[Int(position) + 1] += 1 }
        for position in 0..<customers { offsets[position + 1] += offsets[position] }
        if !inOrder, let first = rows.first {
            var next = offsets
            var grouped = [Row](repeating: first, count: rows.count)
            for (index, position) in positionOfRow.enumerated() {
                grouped[next[Int(position)]] = rows[index]
                next[Int(position)] += 1
            }
            rows = grouped
        }
        self.offsets = offsets
        positionOfRow = []
    }

    /// The rows of the customer at `position`, in arrival order.
    func rows(of position: Int) -> ArraySlice<Row> {
        guard position + 1 < offsets.count else { return [] }
        return rows[offsets[position]..<offsets[position + 1]]
    }
}

extension CustomerRows: Sendable where Row: Sendable {}
