import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension EmbeddedPostgres {
    /// Creates the data directory (0711: the server account may pass through, but not list it
    /// or read the password file) with any missing parents.
    func createDataDirectory() throws(StoreError) {
        do {
            try FileManager.default.createDirectory(
                atPath: dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o711])
        } catch {
            throw StoreError(.configuration, message: "cannot create the embedded database directory \(dataDirectory): \(error)")
        }
    }

    /// Creates the cluster's directory and log in `home` and, as root, hands them to `postgres`.
    func prepareDirectories(_ tools: PostgresTools, home: String) throws(StoreError) {
        let fileManager = FileManager.default
        let clusterDirectory = home + "/pgdata"
        let logFile = home + "/postgres.log"
        do {
            if !fileManager.fileExists(atPath: clusterDirectory) {
                try fileManager.createDirectory(
                    atPath: clusterDirectory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            }
            if !fileManager.fileExists(atPath: logFile) {
                _ = fileManager.createFile(atPath: logFile, contents: nil, attributes: [.posixPermissions: 0o600])
            }
        } catch {
            throw StoreError(.configuration, message: "cannot create the embedded database directory \(clusterDirectory): \(error)")
        }
        guard let account = tools.account else { return }
        try account.take(clusterDirectory)
        try account.take(logFile)
    }

    /// Runs initdb when the cluster in `home` does not exist yet; returns the superuser's password.
    func initialiseIfNeeded(_ tools: PostgresTools, home: String) throws(StoreError) -> String {
        let fileManager = FileManager.default
        let clusterDirectory = home + "/pgdata"
        if fileManager.fileExists(atPath: clusterDirectory + "/PG_VERSION") {
            guard let password = try? String(contentsOfFile: passwordFile, encoding: .utf8) else {
                throw StoreError(.configuration, message: """
                    the cluster in \(clusterDirectory) exists but its password file \(passwordFile) is missing; restore it, \
                    or remove \(clusterDirectory) to start a new, empty cluster
                    """)
            }
            return password.trimmed()
        }
        let password = Self.randomPassword()
        // initdb reads the password from a file that the server account can read (in `home`,
        // which it can reach); it is removed right after, and the kept copy in the data
        // directory is readable by this process's user only.
        let initdbPasswordFile = home + "/initdb-password"
        guard fileManager.createFile(atPath: passwordFile, contents: Data(password.utf8), attributes: [.posixPermissions: 0o600]),
            fileManager.createFile(atPath: initdbPasswordFile, contents: Data(password.utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw StoreError(.configuration, message: "cannot write the password file in \(dataDirectory)")
        }
        defer { try? fileManager.removeItem(atPath: initdbPasswordFile) }
        try tools.account?.take(initdbPasswordFile)

        logger.info("initialising embedded PostgreSQL cluster", metadata: ["directory": "\(clusterDirectory)"])
        let (status, output) = try tools.run("initdb", [
            "-D", clusterDirectory, "-U", "clv", "--auth=scram-sha-256", "--pwfile=\(initdbPasswordFile)",
            "--encoding=UTF8", "--no-locale",
        ])
        guard status == 0 else {
            try? fileManager.removeItem(atPath: passwordFile)
            throw StoreError(.unavailable, message: "initdb failed: \(Self.tail(output))")
        }
        return password
    }

    private static func randomPassword() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(UInt8.random(in: 0...255, using: &generator), radix: 16) }
            .map { $0.count == 1 ? "0" + $0 : $0 }
            .joined()
    }
}
