import Synchronization

/// A thread-safe list of strings tests append to from handlers and interceptors.
final class CallLog: Sendable {
    private let storage = Mutex<[String]>([])

    func append(_ entry: String) {
        storage.withLock { $0.append(entry) }
    }

    var entries: [String] { storage.withLock { $0 } }
}
