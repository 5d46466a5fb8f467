import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stops and deletes throwaway clusters when the test process ends, however it ends.
///
/// Each cluster gets a watchdog shell that blocks reading a socket whose other end only this
/// process holds. The kernel closes that end when the process exits or crashes; the read returns
/// and the watchdog runs `pg_ctl stop -m immediate` and removes the directory. No polling, no
/// reliance on atexit handlers running.
enum ClusterReaper {
    /// Our ends of the watchdogs' socket pairs, held open for the life of the process.
    private static let heldEnds = Mutex<[Int32]>([])

    /// Watches the cluster of `dataDirectory`, kept in `clusterHome` (the data directory itself
    /// unless the cluster was relocated); both directories are removed.
    static func watch(dataDirectory: String, clusterHome: String? = nil) {
        var ends: [Int32] = [-1, -1]
        // Close-on-exec from birth: no other child (pg_ctl, the server) may inherit our end and
        // keep it open. A socket pair, because Glibc's module does not export pipe2.
        #if canImport(Glibc)
        let type = Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue)
        #else
        let type = SOCK_STREAM
        #endif
        guard socketpair(AF_UNIX, type, 0, &ends) == 0 else { return }
        defer { close(ends[0]) }
        let home = clusterHome ?? dataDirectory
        let script = #"read _; home=$1; shift; "$@" >/dev/null 2>&1; rm -rf -- "$0" "$home""#
        let arguments = ["/bin/sh", "-c", script, dataDirectory, home] + stopCommand(home + "/pgdata")
        if spawnDetached(arguments, standardInput: ends[0]) {
            heldEnds.withLock { $0.append(ends[1]) }
        } else {
            close(ends[1])
        }
    }

    /// Starts the watchdog in a session of its own (a signal to the test runner's process group
    /// spares it), with `standardInput` as its stdin and no other descriptor of ours. It is never
    /// waited for: it outlives this process. posix_spawn rather than Foundation's Process, which
    /// on Linux would keep a zombie and a monitoring socket around for it.
    private static func spawnDetached(_ arguments: [String], standardInput: Int32) -> Bool {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, standardInput, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        #if canImport(Glibc)
        // Nothing else of ours may leak into the watchdog: Foundation notices a Process's exit by
        // a socket only that child should hold. glibc 2.34+ closes the rest for us; the function is
        // hidden behind _GNU_SOURCE in the Glibc module, so look it up at run time.
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
        }
        #endif
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        #if canImport(Glibc)
        // POSIX_SPAWN_SETSID (glibc 2.26+), also hidden behind _GNU_SOURCE.
        posix_spawnattr_setflags(&attributes, 0x80)
        #else
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSID | POSIX_SPAWN_CLOEXEC_DEFAULT))
        #endif
        let cArguments = arguments.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid = pid_t()
        return posix_spawn(&pid, arguments[0], &actions, &attributes, cArguments, environ) == 0
    }

    private static func stopCommand(_ clusterDirectory: String) -> [String] {
        let pgCtl = newestPgCtl() ?? "pg_ctl"
        let stop = [pgCtl, "stop", "-D", clusterDirectory, "-m", "immediate", "-w"]
        return geteuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] + stop : stop
    }

    private static func newestPgCtl() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions
            .compactMap { name in Double(name).map { ($0, "\(root)/\(name)/bin/pg_ctl") } }
            .sorted { $0.0 > $1.0 }
            .map(\.1)
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
