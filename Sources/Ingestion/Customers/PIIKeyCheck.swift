import RPC
import Store
import Synchronization

/// Makes sure every server writing hashes uses the key the store's hashes were made with:
/// hashes made with two keys would never match each other.
final class PIIKeyCheck: Sendable {
    static let settingKey = "pii_key_fingerprint"
    private let verified = Mutex(false)

    func verify(_ hasher: PIIHasher, on connection: PGConnection) throws {
        if verified.withLock({ $0 }) { return }
        let inserted = try connection.execute(
            "INSERT INTO clv_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
            [.text(Self.settingKey), .text(hasher.keyFingerprint)])
        let stored = try connection.query("SELECT value FROM clv_settings WHERE key = $1", [.text(Self.settingKey)])
        guard stored.first?["value"] == hasher.keyFingerprint else {
            throw RPCError(
                code: .failedPrecondition,
                message: "this server's PII key differs from the key the stored hashes were made with; give every server the same --pii-key-file")
        }
        // Remember only a fingerprint committed before: ours may still roll back with this batch.
        if inserted == 0 { verified.withLock { $0 = true } }
    }
}
