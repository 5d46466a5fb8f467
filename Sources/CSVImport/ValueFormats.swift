/// How the file writes its values: times (`--time-format`, `--timezone`) and amounts
/// (`--decimal-comma`).
public struct ValueFormats: Sendable {
    public var time: Timestamp
    /// `1.234,50`: `,` is the decimal separator and `.` groups thousands.
    public var decimalComma: Bool

    public init(time: Timestamp = Timestamp(), decimalComma: Bool = false) {
        self.time = time
        self.decimalComma = decimalComma
    }
}
