/// The file could not be read to its end (an I/O error, bytes that are not UTF-8, a line-item
/// export): the import stops at `line`.
public struct CSVSourceError: Error, Sendable, CustomStringConvertible {
    /// The line being read when it happened.
    public var line: Int
    /// What a person reads; it names the line itself.
    public var message: String

    public init(line: Int, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { message }
}
