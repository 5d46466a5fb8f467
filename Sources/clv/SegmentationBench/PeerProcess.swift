import Foundation

/// Runs one of the Python peers (scripts/*-peer.py) and returns what it printed; its standard
/// error passes through, so a failing peer explains itself above the bench's own message.
enum PeerProcess {
    static func run(python: String, script: String, arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("\(script) failed (exit \(process.terminationStatus)); its error is above")
        }
        return data
    }

    /// The peer's one JSON line, keys in snake case.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(type, from: data)
    }
}
