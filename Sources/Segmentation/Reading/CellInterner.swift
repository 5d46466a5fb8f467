import Store

/// A column's repeated cells made into values once per page: 10,000 members name a handful of
/// markets, channels and warning sets, so the second `DE` costs a byte comparison instead of a
/// new String (or array). Past `capacity` distinct cells a column is not one of few values, and
/// new cells are made each time without being kept.
struct CellInterner<Value> {
    private var keys: [[UInt8]] = []
    private var values: [Value] = []
    private let capacity: Int

    init(capacity: Int = 32) {
        self.capacity = capacity
    }

    /// The value of the cell at `column`, from `make` the first time its bytes are seen.
    mutating func value(_ row: PGBinaryRow, at column: Int, _ make: (PGBinaryRow, Int) throws -> Value) throws -> Value {
        // NULL and an empty cell share their (empty) bytes: NULLs are never kept.
        guard !row.isNull(at: column) else { return try make(row, column) }
        let bytes = row.cellBytes(at: column)
        for index in keys.indices where keys[index].count == bytes.count {
            if keys[index].withUnsafeBufferPointer({ $0.hasSameBytes(as: bytes) }) { return values[index] }
        }
        let value = try make(row, column)
        if keys.count < capacity {
            keys.append(Array(bytes))
            values.append(value)
        }
        return value
    }
}
