import Foundation

/// A spawned executable whose standard error a test can wait on, line by line.
final class ChildProcess: @unchecked Sendable {
    // @unchecked: `process` and the pipes are set up in init and only read afterwards; Foundation's
    // Process is thread-safe for the calls used here (terminate, waitUntilExit, terminationStatus).
    let process = Process()
    let standardOutput = Pipe()
    let standardError = Pipe()
    let errorLines: AsyncStream<String>

    init(_ executable: URL, arguments: [String], environment: [String: String]) throws {
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = standardOutput
        process.standardError = standardError
        let (lines, sink) = AsyncStream.makeStream(of: String.self)
        errorLines = lines
        let handle = standardError.fileHandleForReading
        Thread.detachNewThread {
            var pending = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    sink.yield(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                    pending.removeSubrange(pending.startIndex...newline)
                }
            }
            sink.finish()
        }
        try process.run()
    }

    /// Waits for a line of standard error containing `text`; returns false if the process ended first.
    func waitForErrorLine(containing text: String) async -> Bool {
        await errorLines(until: text).found
    }

    /// The standard error lines up to the first containing `text`, and whether one did (false
    /// when the process closed its standard error first): what it said, for a failure message.
    func errorLines(until text: String) async -> (found: Bool, lines: [String]) {
        var lines: [String] = []
        for await line in errorLines {
            lines.append(line)
            if line.contains(text) { return (true, lines) }
        }
        return (false, lines)
    }

    /// Waits for the process to end; returns its exit status.
    func waitForExit() async -> Int32 {
        let process = self.process
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume()
            }
        }
        return process.terminationStatus
    }

    /// Everything the process wrote to standard output (call after it ended).
    func output() -> String {
        String(decoding: standardOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    /// Runs an executable to completion and returns its status and standard output.
    static func run(_ executable: URL, arguments: [String], environment: [String: String]) async throws -> (status: Int32, output: String) {
        let child = try ChildProcess(executable, arguments: arguments, environment: environment)
        let output = Task.detached { child.output() }
        let status = await child.waitForExit()
        return (status, await output.value)
    }
}
