import Foundation

/// A file under the temporary directory, removed (with its rejects file) when the test is done.
final class TemporaryFile {
    let path: String

    init(_ bytes: [UInt8], name: String = "input.csv") throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("csvimport-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    convenience init(_ text: String, name: String = "input.csv") throws {
        try self.init(Array(text.utf8), name: name)
    }

    var directory: String { (path as NSString).deletingLastPathComponent }

    func sibling(_ name: String) -> String { directory + "/" + name }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
