import CSV
import Foundation

/// The rejects file: one CSV row per rejected input row — `line, field, reason, code`, then
/// the row's own cells under the input's header — so the rows can be fixed and imported again.
///
/// The file is created (replacing an older one) with the first rejected row: a clean import
/// leaves none behind. Rows are quoted by CSV.swift's `CSVWriter`. Not `Sendable`: the importer
/// writes from one task.
public final class RejectsWriter {
    public let path: String
    private let header: [String]
    private var handle: FileHandle?
    /// Rows written so far.
    public private(set) var count = 0

    /// A writer for rows of a file with `header`.
    public init(path: String, header: [String]) {
        self.path = path
        self.header = header
    }

    /// Whether the file was created: some row was rejected.
    public var created: Bool { count > 0 }

    /// Appends `rows`. Each call renders its rows in memory first: CSVWriter writes one byte per
    /// stream call, too slow for a file stream.
    public func write(_ rows: [RejectedRow]) throws {
        guard !rows.isEmpty else { return }
        let writer = try CSVWriter(stream: .toMemory())
        if count == 0 {
            try writer.write(row: ["line", "field", "reason", "code"] + header)
        }
        for row in rows {
            try writer.write(row: [String(row.line), row.field, row.reason, String(row.code)] + row.cells)
        }
        writer.stream.close()
        guard var data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw CocoaError(.fileWriteUnknown)
        }
        data.append(UInt8(ascii: "\n"))  // CSVWriter ends rows by starting the next one
        try fileHandle().write(contentsOf: data)
        count += rows.count
    }

    /// Flushes and closes the file, if it was created.
    public func close() throws {
        try handle?.close()
        handle = nil
    }

    private func fileHandle() throws -> FileHandle {
        if let handle { return handle }
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let opened = FileHandle(forWritingAtPath: path)
        else { throw ImportSetupError("cannot create the rejects file \(path)") }
        handle = opened
        return opened
    }

    /// The default rejects file of `input`: `orders.csv` → `orders.rejects.csv`, beside it.
    public static func defaultPath(for input: String) -> String {
        let base = input.lowercased().hasSuffix(".csv") ? String(input.dropLast(4)) : input
        return base + ".rejects.csv"
    }
}
