import Foundation

/// How commands print: aligned two-column tables for people, JSON for scripts.
enum Output {
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

    /// Prints a failed call to standard error and ends the command with a non-zero status.
    static func fail(_ error: any Error) -> Never {
        let message = (error as? RPCErrorDescribable)?.cliDescription ?? "\(error)"
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        exit(1)
    }
}

/// An error that reads well on the command line.
protocol RPCErrorDescribable {
    var cliDescription: String { get }
}
