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
            // Numbers never need escaping: written straight into the buffer (scores are millions of them).
            switch value {
            case .int(let number):
                appendDecimal(number)
                continue
            case .double(let number):
                buffer.append(contentsOf: PGArrayEncoding.doubleText(number).utf8)
                continue
            default:
                break
            }
            guard let text = value.textEncoding else {
                buffer.append(UInt8(ascii: "\\"))
                buffer.append(UInt8(ascii: "N"))
                continue
            }
            let utf8 = text.utf8
            if utf8.withContiguousStorageIfAvailable({ !$0.contains(where: Self.needsEscape) }) == true {
                buffer.append(contentsOf: utf8)
                continue
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\\"): appendEscaped(UInt8(ascii: "\\"))
                case UInt8(ascii: "\t"): appendEscaped(UInt8(ascii: "t"))
                case UInt8(ascii: "\n"): appendEscaped(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): appendEscaped(UInt8(ascii: "r"))
                case 0: throw StoreError(.query, message: "a COPY value contains a NUL character")
                default: buffer.append(byte)
                }
            }
        }
        buffer.append(UInt8(ascii: "\n"))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == 0
    }

    private mutating func appendEscaped(_ letter: UInt8) {
        buffer.append(UInt8(ascii: "\\"))
        buffer.append(letter)
    }

    private mutating func appendDecimal(_ number: Int64) {
        if number < 0 { buffer.append(UInt8(ascii: "-")) }
        // The magnitude as unsigned, so Int64.min works too; digits come out least significant first.
        var magnitude = number.magnitude
        let start = buffer.count
        repeat {
            buffer.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        buffer[start...].reverse()
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
