import CLibPQ

/// The rows of a binary-format result still held by libpq, in any order: handed to the body of
/// `PGConnection.withBinaryRows`, valid only during that call.
///
/// Reading the last row first says where a keyset page ends before its rows are decoded, so the
/// next page's query can be on its way meanwhile.
public struct PGBinaryRows: RandomAccessCollection {
    let result: OpaquePointer
    public let startIndex = 0
    public let endIndex: Int

    init(result: OpaquePointer) {
        self.result = result
        endIndex = Int(PQntuples(result))
    }

    public subscript(position: Int) -> PGBinaryRow {
        precondition(indices.contains(position), "row \(position) of \(endIndex)")
        return PGBinaryRow(result: result, row: Int32(position))
    }
}

extension PGConnection {
    /// Runs one query with bound parameters and hands its result, in PostgreSQL's binary format,
    /// to `body`: numbers arrive as their bytes, neither printed by the server nor parsed here.
    /// Read each cell with the accessor of its column's type.
    public func withBinaryRows<R>(_ sql: String, _ parameters: [PGValue] = [], _ body: (PGBinaryRows) throws -> R) throws -> R {
        let result = try run(sql, parameters, binaryResult: true)
        return try body(PGBinaryRows(result: result.pointer))
    }
}
