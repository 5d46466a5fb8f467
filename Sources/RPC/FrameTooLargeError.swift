/// A frame declared a length above the maximum frame size.
public struct FrameTooLargeError: Error, Sendable, Hashable, CustomStringConvertible {
    public let declaredLength: Int
    public let maximumFrameSize: Int

    public var description: String {
        "frame of \(declaredLength) bytes exceeds the maximum frame size of \(maximumFrameSize) bytes"
    }
}
