/// Why an import cannot start: the file or the options are wrong as a whole, not one row.
public struct ImportSetupError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
