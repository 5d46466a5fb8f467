import CLibPQ

/// Owns one `PGresult*` and clears it when it goes out of scope; never leaves the module.
struct PGResult: ~Copyable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        PQclear(pointer)
    }

    var status: ExecStatusType { PQresultStatus(pointer) }

    /// The number from the command tag (`INSERT 0 5`, `SELECT 5`, `COPY 5`), else 0.
    var affectedRows: Int { PQcmdTuples(pointer).flatMap { Int(String(cString: $0)) } ?? 0 }

    var commandTag: String { PQcmdStatus(pointer).map { String(cString: $0) } ?? "" }

    /// A field of the server's error report (`PG_DIAG_*`).
    func errorField(_ code: Character) -> String? {
        guard let ascii = code.asciiValue, let raw = PQresultErrorField(pointer, Int32(ascii)) else { return nil }
        return String(cString: raw)
    }

    /// Copies every cell out so the result can be cleared.
    func rows() -> PGRows {
        let rowCount = Int(PQntuples(pointer))
        let columnCount = Int(PQnfields(pointer))
        let columns = (0..<columnCount).map { String(cString: PQfname(pointer, Int32($0))) }
        var cells: [String?] = []
        cells.reserveCapacity(rowCount * columnCount)
        for row in 0..<Int32(rowCount) {
            for column in 0..<Int32(columnCount) {
                if PQgetisnull(pointer, row, column) == 1 {
                    cells.append(nil)
                } else {
                    let length = Int(PQgetlength(pointer, row, column))
                    let bytes = UnsafeRawPointer(PQgetvalue(pointer, row, column)!).assumingMemoryBound(to: UInt8.self)
                    cells.append(String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self))
                }
            }
        }
        let storage = PGRowStorage(columns: columns, rowCount: rowCount, cells: cells)
        return PGRows(storage: storage, affectedRows: affectedRows, commandTag: commandTag)
    }
}
