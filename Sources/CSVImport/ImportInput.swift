import Foundation

/// Where the CSV text comes from.
public enum ImportInput: Sendable {
    /// A file, streamed.
    case file(path: String)
    /// Text in memory (tests, small inputs).
    case text(String)

    /// Opens the rows; byte counts go to `counters`.
    func open(counters: ImportCounters) throws(ImportSetupError) -> CSVRowSource {
        switch self {
        case .file(let path): try CSVRowSource(path: path, counters: counters)
        case .text(let text): try CSVRowSource(text: text)
        }
    }

    /// The size in bytes, when known (a regular file): progress and ETA come from it.
    public var byteCount: Int64? {
        switch self {
        case .file(let path):
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular,
                let size = attributes[.size] as? NSNumber
            else { return nil }
            return size.int64Value
        case .text(let text):
            return Int64(text.utf8.count)
        }
    }

    /// A name for messages and the summary.
    public var name: String {
        switch self {
        case .file(let path): path
        case .text: "(text)"
        }
    }
}
