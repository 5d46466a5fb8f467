#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The file holding the secret key of ``PIIHasher``: 64 hex characters and a newline.
///
/// Every replica must hash with the same key, so the first start creates it and later starts
/// (and other replicas sharing the volume) read it back. Losing it makes stored hashes
/// unmatchable: back it up with the database.
public enum PIIKeyFile {
    /// The key's length in bytes.
    public static let keyLength = 32

    /// Reads the key at `path`, or creates it with a fresh random key when no file exists.
    ///
    /// A missing directory is created with mode 0700, the file with mode 0600. Creation is
    /// atomic: the key is written to a temporary file (`O_CREAT | O_EXCL`) that is then
    /// hard-linked to `path`, which fails if `path` exists; so no reader ever sees a partly
    /// written key, and when two processes race, both end up with the winner's key.
    public static func loadOrCreate(path: String) throws(PIIKeyFileError) -> [UInt8] {
        if let key = try load(path: path) { return key }
        try createDirectories(for: path)
        // Whether we or a process racing us created the file, it now holds the key to use.
        try create(path: path)
        guard let key = try load(path: path) else {
            throw .system(path: path, operation: "read it back after creating it", code: ENOENT)
        }
        return key
    }

    /// Moves the key at `oldPath` to `path`, where it will be read from now on, unless `path`
    /// already holds a key or there is nothing at `oldPath`; returns whether it moved one.
    ///
    /// For keys kept where they no longer belong (beside a data directory rather than inside
    /// it). The key is checked, written to `path` as `loadOrCreate` writes a new one (0600,
    /// atomic, durable; a racing process's file wins), and only then removed from `oldPath`.
    public static func moveIn(from oldPath: String, to path: String) throws(PIIKeyFileError) -> Bool {
        guard try load(path: path) == nil, let key = try load(path: oldPath) else { return false }
        try createDirectories(for: path)
        try create(path: path, key: key)
        guard unlink(oldPath) == 0 else {
            throw .system(path: oldPath, operation: "remove it after copying it to \(path)", code: errno)
        }
        syncDirectory(of: oldPath)
        return true
    }

    // MARK: Reading

    /// The key in the file, or nil when there is no file.
    private static func load(path: String) throws(PIIKeyFileError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw .system(path: path, operation: "open it for reading", code: errno)
        }
        defer { close(descriptor) }
        // A valid file is 64 bytes plus a little white space; reading one byte past a generous
        // limit is enough to call a big file malformed without reading all of it.
        let limit = 1024
        var content = [UInt8](repeating: 0, count: limit + 1)
        var count = 0
        while count < content.count {
            let received = content.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if received < 0 {
                if errno == EINTR { continue }
                throw .system(path: path, operation: "read it", code: errno)
            }
            if received == 0 { break }
            count += received
        }
        guard count <= limit, let key = decodeHex(trimmingWhiteSpace(content[..<count])) else {
            throw .malformed(path: path)
        }
        return key
    }

    private static func trimmingWhiteSpace(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || (0x09...0x0D).contains($0) }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return [] }
        let last = bytes.lastIndex(where: { !isSpace($0) })!
        return bytes[first...last]
    }

    private static func decodeHex(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        guard text.count == keyLength * 2 else { return nil }
        var key: [UInt8] = []
        key.reserveCapacity(keyLength)
        var high: UInt8?
        for character in text {
            guard let nibble = hexValue(character) else { return nil }
            if let pending = high {
                key.append(pending << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return key
    }

    private static func hexValue(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return character - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    // MARK: Creating

    /// Creates every missing directory above `path` with mode 0700; existing ones are left as
    /// they are.
    private static func createDirectories(for path: String) throws(PIIKeyFileError) {
        guard let slash = path.lastIndex(of: "/") else { return }  // relative, in the working directory
        let directory = String(path[..<slash])
        var prefix = directory.hasPrefix("/") ? "/" : ""
        for component in directory.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o700) != 0, errno != EEXIST {
                let code = errno  // before the interpolation below can touch it
                throw .system(path: path, operation: "create the directory \(prefix)", code: code)
            }
            prefix += "/"
        }
    }

    /// Writes a new random key to `path`, unless another process created `path` first.
    private static func create(path: String) throws(PIIKeyFileError) {
        var generator = SystemRandomNumberGenerator()
        try create(path: path, key: (0..<keyLength).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// Writes `key` to `path`, unless another process created `path` first.
    private static func create(path: String, key: [UInt8]) throws(PIIKeyFileError) {
        var generator = SystemRandomNumberGenerator()
        let text = Array(hexEncoded(key).utf8) + [UInt8(ascii: "\n")]

        let suffix = hexEncoded((0..<8).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        let temporary = "\(path).\(suffix).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let code = errno
            throw .system(path: path, operation: "create \(temporary)", code: code)
        }
        defer { unlink(temporary) }  // after the link, `path` keeps the content
        do {
            defer { close(descriptor) }
            // The umask may have removed bits; the mode must be exactly 0600.
            guard fchmod(descriptor, 0o600) == 0 else {
                throw PIIKeyFileError.system(path: path, operation: "set its mode to 0600", code: errno)
            }
            var written = 0
            while written < text.count {
                let result = text.withUnsafeBytes { buffer in
                    write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                }
                if result < 0 {
                    let code = errno
                    if code == EINTR { continue }
                    throw PIIKeyFileError.system(path: path, operation: "write \(temporary)", code: code)
                }
                written += result
            }
            // Durable before it becomes visible: a crash must not leave an empty key file.
            guard fsync(descriptor) == 0 else {
                let code = errno
                throw PIIKeyFileError.system(path: path, operation: "sync \(temporary)", code: code)
            }
        }
        if link(temporary, path) != 0 {
            let code = errno
            if code == EEXIST { return }  // another process won; its key is the one to use
            throw .system(path: path, operation: "link \(temporary) to it", code: code)
        }
        syncDirectory(of: path)
    }

    /// Makes the new directory entry durable: after a crash, a lost key file would mean a new
    /// key, and every hash stored meanwhile would no longer match. Best effort: some file
    /// systems refuse to sync a directory, and the file itself is already on disk.
    private static func syncDirectory(of path: String) {
        let directory = path.lastIndex(of: "/").map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    private static func hexEncoded(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
