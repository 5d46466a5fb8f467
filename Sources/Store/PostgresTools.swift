import Foundation

/// The PostgreSQL server programs (`initdb`, `pg_ctl`) and how to run them: directly, or through
/// `runuser` as the `postgres` account when this process is root.
struct PostgresTools: Sendable {
    let binDirectory: String
    /// Set when running as root: tools run as this account.
    let account: ServerAccount?

    /// Finds the newest `/usr/lib/postgresql/<version>/bin`, else `initdb` on PATH.
    static func locate() throws(StoreError) -> PostgresTools {
        guard let binDirectory = findBinDirectory() else {
            throw StoreError(.unavailable, message: """
                PostgreSQL server programs (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin or on PATH; \
                install PostgreSQL (Debian/Ubuntu: apt-get install postgresql) or point CLV_DATABASE_URL at a server
                """)
        }
        var account: ServerAccount?
        if ServerAccount.isRoot {
            guard let postgres = ServerAccount.postgres() else {
                throw StoreError(.configuration, message: """
                    running as root needs a 'postgres' system user to own the embedded cluster \
                    (PostgreSQL refuses to run as root); install the postgresql package or run as another user
                    """)
            }
            account = postgres
        }
        return PostgresTools(binDirectory: binDirectory, account: account)
    }

    private static func findBinDirectory() -> String? {
        let fileManager = FileManager.default
        let root = "/usr/lib/postgresql"
        let versions = (try? fileManager.contentsOfDirectory(atPath: root)) ?? []
        let candidates = versions
            .compactMap { name -> (Double, String)? in
                guard let number = Double(name) else { return nil }
                return (number, "\(root)/\(name)/bin")
            }
            .sorted { $0.0 > $1.0 }
            .map(\.1)
        let path = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map(String.init) ?? []
        return (candidates + path).first { directory in
            fileManager.isExecutableFile(atPath: "\(directory)/initdb")
                && fileManager.isExecutableFile(atPath: "\(directory)/pg_ctl")
        }
    }

    /// Runs a tool to completion (blocking) and returns its exit status and combined output.
    func run(_ tool: String, _ arguments: [String]) throws(StoreError) -> (status: Int32, output: String) {
        let program = "\(binDirectory)/\(tool)"
        if let account {
            return try Self.execute("/usr/sbin/runuser", ["-u", account.name, "--", program] + arguments)
        }
        return try Self.execute(program, arguments)
    }

    /// Whether the server account can reach `path` (every parent directory traversable).
    func canReach(_ path: String) throws(StoreError) -> Bool {
        guard let account else { return true }
        return try Self.execute("/usr/sbin/runuser", ["-u", account.name, "--", "test", "-x", path]).status == 0
    }

    private static func execute(_ executable: String, _ arguments: [String]) throws(StoreError) -> (status: Int32, output: String) {
        let outputPath = NSTemporaryDirectory() + "clv-pg-\(UUID().uuidString).out"
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let status = try ChildProcess.run(executable, arguments, outputPath: outputPath)
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return (status, text.trimmed())
    }
}
