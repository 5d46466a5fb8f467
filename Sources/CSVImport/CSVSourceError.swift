/// The file could not be read to its end (an I/O error, or bytes that are not UTF-8).
public struct CSVSourceError: Error, Sendable, CustomStringConvertible {
    /// The line being read when it happened.
    public var line: Int
    public var underlying: String

    public var description: String { "cannot read line \(line): \(underlying)" }
}
