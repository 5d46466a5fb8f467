import Foundation

/// Where `clv segments members` puts the members as they stream: kept for a table or JSON, or
/// written to a CSV file page by page (so an export of every customer does not sit in memory).
///
/// The CSV goes to `FILE.partial` and is renamed to `FILE` when the listing ends, so a listing
/// cut short never leaves a file that looks complete.
final class MemberSink {
    private(set) var members: [MemberReport] = []
    private(set) var count = 0
    private let file: FileHandle?
    private let path: String?
    private var buffer = Data()

    init() {
        file = nil
        path = nil
    }

    /// Creates (or empties) `FILE.partial` and writes the header.
    init(csvPath path: String) throws {
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: Data(MembersCSV.header.utf8)) else {
            throw SinkError(message: "cannot create \(partial)")
        }
        guard let handle = FileHandle(forWritingAtPath: partial) else { throw SinkError(message: "cannot open \(partial)") }
        try handle.seekToEnd()
        file = handle
        self.path = path
    }

    func take(_ member: MemberReport) throws {
        count += 1
        guard let file else { return members.append(member) }
        buffer.append(contentsOf: MembersCSV.line(member).utf8)
        if buffer.count >= 1 << 16 {
            try file.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Writes what is left and puts the file in place.
    func finish() throws {
        guard let file, let path else { return }
        try file.write(contentsOf: buffer)
        buffer.removeAll()
        try file.close()
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: path + ".partial", toPath: path)
    }

    /// Removes the partial file of a listing that failed.
    func abandon() {
        guard let file, let path else { return }
        try? file.close()
        try? FileManager.default.removeItem(atPath: path + ".partial")
    }

    struct SinkError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
