import Foundation
import RPC

/// How commands print: aligned two-column tables for people, JSON for scripts.
enum Output {
    /// Whether this run was asked for JSON (`--json`): then errors are JSON on standard output too.
    static let jsonRequested = CommandLineArguments.requestsJSON(Array(CommandLine.arguments.dropFirst()))

    static func table(_ rows: [(String, String)]) {
        let width = rows.map(\.0.count).max() ?? 0
        for (key, value) in rows {
            print(key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value)
        }
    }

    static func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Prints a failed call (to standard error, or as JSON on standard output under `--json`) and
    /// ends the command with a non-zero status.
    static func fail(_ error: any Error) -> Never {
        fail(ErrorReport(error))
    }

    /// Prints an error report the same way and exits with `status`.
    static func fail(_ report: ErrorReport, status: Int32 = 1) -> Never {
        if jsonRequested, (try? json(report)) != nil {
            exit(status)
        }
        FileHandle.standardError.write(Data("error: \(report.text)\n".utf8))
        exit(status)
    }
}

/// An error as the command line shows it: a status code name, a message, and the offending
/// fields of an INVALID_ARGUMENT.
struct ErrorReport: Encodable {
    struct Violation: Encodable {
        let field: String
        let description: String
    }

    /// gRPC's code name for a failed call (`INVALID_ARGUMENT`, `UNAVAILABLE`, …); `USAGE` for a
    /// command line that does not parse.
    let code: String
    let message: String
    /// The first offending field, or nil.
    let field: String?
    let violations: [Violation]
    /// Whether people see the code: a call's status, but not for a server that cannot be reached
    /// (the message is the whole story) nor for the command's own errors.
    private let showsCode: Bool

    init(code: String, message: String, violations: [Violation] = [], showsCode: Bool = false) {
        self.code = code
        self.message = message
        self.field = violations.first?.field
        self.violations = violations
        self.showsCode = showsCode
    }

    init(_ error: any Error) {
        switch error {
        case let error as RPCError:
            self.init(
                code: error.code.description, message: error.message,
                violations: error.fieldViolations.map { Violation(field: $0.field, description: $0.description) },
                showsCode: error.code != .unavailable)
        default:
            // gRPC's code for an error from another error space: a file that cannot be read, say.
            self.init(code: RPCStatusCode.unknown.description, message: "\(error)")
        }
    }

    /// One line for people, plus a line per field the message does not name.
    var text: String {
        var text = showsCode ? "\(code): \(message)" : message
        for violation in violations where !message.contains(violation.field) {
            text += "\n  \(violation.field): \(violation.description)"
        }
        return text
    }

    enum CodingKeys: String, CodingKey {
        case code, message, field, violations
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
        try container.encode(field, forKey: .field)  // null, not absent, when no field is at fault
        try container.encode(violations, forKey: .violations)
    }
}
