import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who owns an embedded cluster: the process holding an exclusive `flock` on
/// `DATA_DIR/owner.lock`, which also names its process id for messages.
///
/// The kernel releases the lock when its holder exits, however it exits, so a cluster left
/// running by a killed server is free for the next process to adopt, and a live owner is never
/// mistaken for a dead one. The descriptor is close-on-exec and `ChildProcess` closes the rest,
/// so no server or tool we start inherits the lock.
final class ClusterOwnerLock: Sendable {
    /// What `acquire` found.
    enum Acquisition {
        case acquired(ClusterOwnerLock)
        /// Another open file description holds the lock; the text names its owner for people.
        case held(owner: String)
    }

    /// The locked descriptor, or -1 once released.
    private let descriptor: Mutex<Int32>

    private init(descriptor: Int32) {
        self.descriptor = Mutex(descriptor)
    }

    deinit {
        release()
    }

    static func path(in dataDirectory: String) -> String { dataDirectory + "/owner.lock" }

    /// Takes the lock without waiting, or reports who holds it.
    static func acquire(in dataDirectory: String) throws(StoreError) -> Acquisition {
        let path = path(in: dataDirectory)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            throw StoreError(.configuration, message: "cannot open \(path): \(String(cString: strerror(code)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            defer { close(descriptor) }
            guard code == EWOULDBLOCK else {
                throw StoreError(.configuration, message: "cannot lock \(path): \(String(cString: strerror(code)))")
            }
            return .held(owner: ownerDescription(reading: descriptor))
        }
        // Our process id, for the message another process shows; the lock itself is the truth.
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        return .acquired(ClusterOwnerLock(descriptor: descriptor))
    }

    /// Gives the lock up (closing the descriptor releases it); later calls do nothing.
    func release() {
        descriptor.withLock { descriptor in
            guard descriptor >= 0 else { return }
            close(descriptor)
            descriptor = -1
        }
    }

    private static func ownerDescription(reading descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        let text = count > 0 ? String(decoding: buffer[..<count], as: UTF8.self).trimmed() : ""
        return Int32(text).map { "process \($0)" } ?? "another process"
    }
}
