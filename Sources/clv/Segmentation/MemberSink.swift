import Foundation

/// Where `clv segments members` puts the members as they stream: kept for a table or JSON, or
/// written to a CSV file page by page (so an export of every customer does not sit in memory).
final class MemberSink {
    private(set) var members: [MemberReport] = []
    private(set) var count = 0
    private let file: FileHandle?

    init() {
        file = nil
    }

    /// Creates (or empties) the file and writes the header.
    init(csvPath path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(MembersCSV.header.utf8)) else {
            throw SinkError(message: "cannot create \(path)")
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw SinkError(message: "cannot open \(path)") }
        try handle.seekToEnd()
        file = handle
    }

    func take(_ member: MemberReport) throws {
        count += 1
        if let file { try file.write(contentsOf: Data(MembersCSV.line(member).utf8)) } else { members.append(member) }
    }

    func finish() throws {
        try file?.close()
    }

    struct SinkError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
