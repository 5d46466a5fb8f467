/// Builds Swift source line by line, four spaces per level.
struct SourceWriter {
    private(set) var text = ""
    private var level = 0

    mutating func line(_ content: String = "") {
        text += content.isEmpty ? "\n" : String(repeating: "    ", count: level) + content + "\n"
    }

    mutating func indented(_ body: (inout SourceWriter) throws -> Void) rethrows {
        level += 1
        try body(&self)
        level -= 1
    }

    /// `header {`, the body indented, `}`.
    mutating func block(_ header: String, _ body: (inout SourceWriter) throws -> Void) rethrows {
        line(header + " {")
        try indented(body)
        line("}")
    }

    /// `switch subject {`, the body (its `case` lines at the switch's level), `}`.
    mutating func switchBlock(_ header: String, _ body: (inout SourceWriter) throws -> Void) rethrows {
        line(header + " {")
        try body(&self)
        line("}")
    }

    /// A proto comment as `///` lines; nothing when empty.
    mutating func documentation(_ comment: String) {
        guard !comment.isEmpty else { return }
        for commentLine in comment.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = String(commentLine).trimmingWhitespace()
            line(trimmed.isEmpty ? "///" : "/// " + trimmed)
        }
    }
}
