import Foundation

/// A horizon or rate that cannot be used, with what to write instead.
public struct ValueTermError: Error, CustomStringConvertible, LocalizedError {
    public let description: String
    public var errorDescription: String? { description }

    init(_ description: String) {
        self.description = description
    }
}
