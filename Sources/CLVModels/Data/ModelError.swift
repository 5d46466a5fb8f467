/// Why a model could not be fitted or applied.
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input cannot be used; the message names the record and the reason.
    case invalidInput(String)
    /// The data cannot identify the model (for example, no repeat purchases at all).
    case insufficientData(String)

    public var description: String {
        switch self {
        case .invalidInput(let message): "invalid input: \(message)"
        case .insufficientData(let message): "insufficient data: \(message)"
        }
    }
}
