/// PostgreSQL's text input format for one-dimensional arrays: `{"a","b\"c",NULL}`.
///
/// Array parameters carry thousands of elements per statement (`unnest($1::text[])` bulk paths),
/// so each encoder appends UTF-8 bytes to one reserved buffer and builds the `String` once.
/// A NUL inside an element is not refused here: `EncodedParameters` scans the whole text.
enum PGArrayEncoding {
    private static let null: [UInt8] = Array("NULL".utf8)

    /// Every element double-quoted with `\` and `"` backslash-escaped; nil elements as `NULL`.
    ///
    /// Quoting every element keeps "NULL", "", " a ", "{" and "," as the texts they are.
    static func text(_ elements: [String?]) -> String {
        var bytes = start(count: elements.count, bytesPerElement: 16)
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            guard let element else {
                bytes.append(contentsOf: null)
                continue
            }
            bytes.append(UInt8(ascii: "\""))
            for byte in element.utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }
        return finish(bytes)
    }

    /// Decimal integers, unquoted.
    static func int(_ elements: [Int64?]) -> String {
        var bytes = start(count: elements.count, bytesPerElement: 8)
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            guard let element else {
                bytes.append(contentsOf: null)
                continue
            }
            appendDecimal(element, to: &bytes)
        }
        return finish(bytes)
    }

    /// Shortest round-trip decimal text, unquoted; NaN and ±Infinity spelled as PostgreSQL reads them.
    static func double(_ elements: [Double?]) -> String {
        var bytes = start(count: elements.count, bytesPerElement: 12)
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            guard let element else {
                bytes.append(contentsOf: null)
                continue
            }
            bytes.append(contentsOf: doubleText(element).utf8)
        }
        return finish(bytes)
    }

    /// `t` and `f`, unquoted.
    static func bool(_ elements: [Bool?]) -> String {
        var bytes = start(count: elements.count, bytesPerElement: 2)
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            guard let element else {
                bytes.append(contentsOf: null)
                continue
            }
            bytes.append(element ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        }
        return finish(bytes)
    }

    /// The text of a `float8`, as `PGValue.double` sends it.
    static func doubleText(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return String(value)  // shortest text that reads back as the same Double
    }

    // MARK: Buffer

    private static func start(count: Int, bytesPerElement: Int) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(2 + count * (bytesPerElement + 1))
        return bytes
    }

    private static func finish(_ bytes: consuming [UInt8]) -> String {
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the decimal digits of `value` without an intermediate `String`.
    private static func appendDecimal(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude  // Int64.min has no positive Int64
        var divisor: UInt64 = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
            divisor /= 10
        }
    }
}
