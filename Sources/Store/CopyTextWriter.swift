import CLibPQ

/// Encodes rows in COPY's text format and hands them to libpq in chunks.
struct CopyTextWriter {
    private static let chunkSize = 64 * 1024
    private var buffer: [UInt8] = []

    init() {
        buffer.reserveCapacity(Self.chunkSize + 4096)
    }

    var isFull: Bool { buffer.count >= Self.chunkSize }

    /// Appends one row: fields separated by tabs, ended by a newline.
    mutating func append(_ row: [PGValue]) throws(StoreError) {
        for (index, value) in row.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: "\t")) }
            guard let text = value.textEncoding else {
                buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
                continue
            }
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case UInt8(ascii: "\t"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case UInt8(ascii: "\n"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0: throw StoreError(.query, message: "a COPY value contains a NUL character")
                default: buffer.append(byte)
                }
            }
        }
        buffer.append(UInt8(ascii: "\n"))
    }

    /// Sends the buffered bytes; false when libpq refused them.
    mutating func flush(to connection: OpaquePointer) -> Bool {
        guard !buffer.isEmpty else { return true }
        let sent = buffer.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                PQputCopyData(connection, chars.baseAddress, Int32(chars.count))
            }
        }
        buffer.removeAll(keepingCapacity: true)
        return sent == 1
    }
}
