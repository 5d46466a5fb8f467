#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Runs a program to completion with posix_spawn and waitpid, on the calling thread.
///
/// Foundation's `Process` is not used: on Linux it learns of a child's exit through a SIGCHLD
/// dispatch source, which never fires in an executable whose main thread parks in `dispatch_main`
/// (an async `main`), so `waitUntilExit()` hangs there. `waitpid` reaps the child whatever the
/// signal set-up.
enum SpawnedProcess {
    /// Runs `executable` with `arguments` in `/`, stdin from /dev/null, stdout and stderr into
    /// `outputPath`; returns the exit status (128 + signal number if a signal ended it).
    static func run(_ executable: String, _ arguments: [String], outputPath: String) throws(StoreError) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        // The child starts with default signal handling and nothing blocked, whatever this
        // process (NIO ignores SIGPIPE, for one) has set.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGCHLD, SIGHUP, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        // Started through `env -C /`: the server account may not reach our working directory.
        let launcher = "/usr/bin/env"
        let argv: [UnsafeMutablePointer<CChar>?] = ([launcher, "-C", "/", executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, launcher, &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            throw StoreError(.unavailable, message: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else {
                throw StoreError(.unavailable, message: "cannot wait for \(executable): \(String(cString: strerror(errno)))")
            }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
