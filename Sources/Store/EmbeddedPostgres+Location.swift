import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the cluster lives when its account cannot reach the data directory.
///
/// As root, the cluster runs as `postgres`, which needs the `x` bit on every parent of the data
/// directory. A clone under `/root`, a `mktemp -d` folder or any 0700 parent denies it. Then the
/// cluster (`pgdata/`, `postgres.log`) is kept in `<root>/<id>` under the first relocation root
/// it can reach (`/var/lib/clv`, else `/var/tmp/clv`), `<id>` derived from the data directory's
/// real path, and that location is recorded in `DATA_DIR/cluster-location` for later starts.
/// The password, owner lock and PII key stay in the data directory.
extension EmbeddedPostgres {
    /// Where clusters go whose account cannot reach their data directory, best first.
    public static let defaultRelocationRoots = ["/var/lib/clv", "/var/tmp/clv"]

    var locationFile: String { dataDirectory + "/cluster-location" }

    /// The directory recorded in `cluster-location`, or nil when the cluster is in the data directory.
    func recordedHome() throws(StoreError) -> String? {
        guard FileManager.default.fileExists(atPath: locationFile) else { return nil }
        guard let text = try? String(contentsOfFile: locationFile, encoding: .utf8), text.trimmed().hasPrefix("/") else {
            throw StoreError(.configuration, message: "\(locationFile) should hold the absolute path of the cluster's directory")
        }
        return text.trimmed()
    }

    /// The directory to keep `pgdata/` and `postgres.log` in, chosen (and recorded) on first use.
    func resolveHome(_ tools: PostgresTools) throws(StoreError) -> String {
        if let recorded = try recordedHome() {
            guard FileManager.default.fileExists(atPath: recorded) else {
                throw StoreError(.configuration, message: """
                    \(locationFile) says the cluster is kept in \(recorded), which no longer exists; \
                    restore it, or remove \(locationFile) to start a new, empty cluster
                    """)
            }
            return recorded
        }
        guard let account = tools.account else { return dataDirectory }  // our own user: it reaches its files
        var info = stat()
        if stat(dataDirectory, &info) == 0, info.st_mode & 0o011 != 0o011 {
            chmod(dataDirectory, (info.st_mode & 0o7777) | 0o011)
        }
        if try tools.canReach(dataDirectory) { return dataDirectory }
        if FileManager.default.fileExists(atPath: dataDirectory + "/pgdata/PG_VERSION") {
            // A cluster is here already: moving on would start an empty one beside it.
            throw StoreError(.configuration, message: """
                the \(account.name) system user cannot reach the cluster in \(dataDirectory)/pgdata (a parent directory is \
                not traversable); make the parents traversable (chmod o+x) or move the cluster
                """)
        }
        let id = Self.locationID(of: Self.realPath(dataDirectory))
        var tried: [String] = []
        for root in relocationRoots {
            let home = root + "/" + id
            tried.append(home)
            setAsideAbandonedCluster(in: home)
            guard (try? FileManager.default.createDirectory(
                atPath: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o711])) != nil,
                FileManager.default.fileExists(atPath: home)
                    || (try? FileManager.default.createDirectory(
                        atPath: home, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])) != nil,
                (try? account.take(home)) != nil,
                try tools.canReach(home)
            else { continue }
            do {
                try Data((home + "\n").utf8).write(to: URL(fileURLWithPath: locationFile), options: .atomic)
            } catch {
                throw StoreError(.configuration, message: "cannot record the cluster's location in \(locationFile): \(error)")
            }
            logger.notice(
                "the \(account.name) system user cannot reach \(dataDirectory): keeping its PostgreSQL cluster in \(home) (recorded in \(locationFile))")
            return home
        }
        throw StoreError(.configuration, message: """
            the \(account.name) system user cannot reach \(dataDirectory) (a parent directory is not traversable), \
            nor \(tried.joined(separator: " or ")); make a parent traversable (chmod o+x) or use a directory such as /var/tmp/clv
            """)
    }

    /// A cluster kept in `home` for an earlier data directory of the same path that was removed
    /// since (`rm -rf .clv` to start over): its password went with it, so nothing can use it. It
    /// is renamed, not deleted, and the log says where it went.
    private func setAsideAbandonedCluster(in home: String) {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: home + "/pgdata/PG_VERSION"), !fileManager.fileExists(atPath: passwordFile) else { return }
        let aside = home + ".abandoned-\(Int(Date().timeIntervalSince1970))"
        guard (try? fileManager.moveItem(atPath: home, toPath: aside)) != nil else { return }
        logger.notice("set aside the cluster of an earlier \(dataDirectory), whose password is gone, in \(aside); remove it when you no longer need it")
    }

    /// A directory name unique to `path`: its last component (for people) and a 64-bit FNV-1a
    /// hash of the whole path (stable across runs and builds, unlike `hashValue`).
    static func locationID(of path: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        let name = String((path.split(separator: "/").last ?? "").filter { allowed.contains($0) }.prefix(24))
        let digits = String(hash, radix: 16)
        return (name.isEmpty ? "cluster" : name) + "-" + String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// `path` with symbolic links resolved (the path itself when that fails).
    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
