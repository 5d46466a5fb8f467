#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program to completion with `posix_spawn` and `waitpid`.
///
/// Not Foundation's `Process`: on Linux it notices a child's exit through a socket inherited
/// by the child, and `pg_ctl start` leaves a server running that inherits it too, so
/// `waitUntilExit` never returns (swift-corelibs-foundation issue 4795). Here the child gets no
/// descriptor beyond stdin (/dev/null) and stdout/stderr (a file), so the server we start never
/// holds anything of ours either.
enum ChildProcess {
    /// Runs `executable` with `arguments` in `/`, output to `outputPath`; returns the exit status.
    static func run(_ executable: String, _ arguments: [String], outputPath: String) throws(StoreError) -> Int32 {
        // `cd /` first: the postgres account may not be able to reach our working directory.
        let argv = ["/bin/sh", "-c", #"cd / && exec "$0" "$@""#, executable] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        closeInheritedDescriptors(&actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        #if canImport(Darwin)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_CLOEXEC_DEFAULT))
        #endif

        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, cArguments, environ)
        guard spawned == 0 else {
            throw StoreError(.unavailable, message: "cannot run \(executable) (error \(spawned))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw StoreError(.unavailable, message: "lost track of \(executable) (errno \(errno))") }
        }
        // WIFEXITED / WEXITSTATUS, which Swift does not import as macros.
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// Adds "close every descriptor from 3 up" to the spawn actions.
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        #if canImport(Glibc)
        // glibc 2.34+ has posix_spawn_file_actions_addclosefrom_np, but only under _GNU_SOURCE,
        // which the Glibc module does not set: look it up at run time.
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
            let closeFrom = unsafeBitCast(symbol, to: CloseFrom.self)
            if closeFrom(&actions, 3) == 0 { return }
        }
        // Older glibc: close what is open now.
        guard let directory = opendir("/proc/self/fd") else { return }
        defer { closedir(directory) }
        let own = dirfd(directory)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if let descriptor = Int32(name), descriptor > 2, descriptor != own {
                posix_spawn_file_actions_addclose(&actions, descriptor)
            }
        }
        #endif
    }
}
