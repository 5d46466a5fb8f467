import Foundation

/// The executables `swift build` put beside the test bundle.
enum BuiltProducts {
    static var directory: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// The path of an executable product; fails the test with a hint when it was not built.
    static func executable(_ name: String) throws -> URL {
        let candidates = [directory, directory.deletingLastPathComponent()].map { $0.appendingPathComponent(name) }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw ProductMissing(name: name, searched: candidates.map(\.path))
        }
        return found
    }

    struct ProductMissing: Error, CustomStringConvertible {
        let name: String
        let searched: [String]
        var description: String {
            "\(name) is not built (looked in \(searched.joined(separator: ", "))): run `swift build --build-tests` before `swift test --skip-build`, as scripts/test does"
        }
    }
}
