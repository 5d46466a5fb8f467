#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system account that runs the embedded PostgreSQL when this process is root
/// (PostgreSQL refuses to run as root).
struct ServerAccount: Sendable {
    let name: String
    let uid: uid_t
    let gid: gid_t

    /// The `postgres` account, or nil when it does not exist.
    static func postgres() -> ServerAccount? {
        guard let entry = getpwnam("postgres") else { return nil }
        return ServerAccount(name: "postgres", uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
    }

    static var isRoot: Bool { geteuid() == 0 }

    /// Gives `path` to this account.
    func take(_ path: String) throws(StoreError) {
        guard chown(path, uid, gid) == 0 else {
            throw StoreError(.configuration, message: "cannot hand \(path) to the \(name) user (errno \(errno))")
        }
    }
}
