import Foundation

/// Fresh directories for throwaway clusters, in /tmp so the `postgres` account can reach them.
enum ThrowawayDirectory {
    static func make(label: String) throws -> String {
        let path = "/tmp/clv-test-\(label)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        // 0711: traversable by the server account, not listable.
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o711])
        return path
    }
}
