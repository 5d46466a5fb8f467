extension String {
    /// The text without leading and trailing ASCII spaces and tabs; cheap when there are none.
    var trimmingASCIISpaces: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return "" }
        if !Self.isSpace(first) && !Self.isSpace(last) { return String(self) }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, Self.isSpace(utf8[start]) { start = utf8.index(after: start) }
        while end > start, Self.isSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        return String(self[start..<end])
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
