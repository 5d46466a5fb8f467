#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the PII key file could not be read or created.
///
/// The description names the file and the problem, never its content: the content is the key.
public enum PIIKeyFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file exists but does not hold 64 hexadecimal characters.
    case malformed(path: String)
    /// A system call failed; `operation` says what was being done, `code` is the errno.
    case system(path: String, operation: String, code: Int32)

    public var description: String {
        switch self {
        case .malformed(let path):
            return "PII key file \(path) is malformed: expected 64 hexadecimal characters (a 32-byte key), optionally followed by a newline"
        case .system(let path, let operation, let code):
            return "PII key file \(path): could not \(operation): \(String(cString: strerror(code)))"
        }
    }
}
