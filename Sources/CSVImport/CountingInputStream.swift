import Foundation

/// An `InputStream` over a file that counts the bytes read (for progress by file position) and
/// answers `hasBytesAvailable` exactly.
///
/// CSVReader asks `hasBytesAvailable` before each read once its buffer is empty. A file stream
/// says yes until a read has returned 0, so at the end of every file CSVReader would read 0
/// bytes and record `cannotReadFile`, indistinguishable from a real read error. This stream
/// reads ahead one chunk to know.
final class CountingInputStream: InputStream {
    private let inner: InputStream
    private let counters: ImportCounters
    private var buffer: [UInt8] = []
    private var position = 0
    private static let chunkSize = 64 * 1024

    init?(path: String, counters: ImportCounters) {
        guard let inner = InputStream(fileAtPath: path) else { return nil }
        self.inner = inner
        self.counters = counters
        super.init(data: Data())
    }

    override func open() { inner.open() }
    override func close() { inner.close() }
    override var streamStatus: Stream.Status { inner.streamStatus }
    override var streamError: (any Error)? { inner.streamError }

    override var hasBytesAvailable: Bool {
        if position < buffer.count { return true }
        // A read error also ends up here with nothing buffered; `read` then returns -1 for it.
        return fill() != 0
    }

    override func read(_ destination: UnsafeMutablePointer<UInt8>, maxLength length: Int) -> Int {
        if position >= buffer.count {
            let filled = fill()
            if filled <= 0 { return filled }
        }
        let count = min(length, buffer.count - position)
        buffer.withUnsafeBufferPointer { source in
            destination.update(from: source.baseAddress! + position, count: count)
        }
        position += count
        return count
    }

    /// Reads the next chunk of the file; the byte count, 0 at the end, or -1 on an error.
    private func fill() -> Int {
        if buffer.count != Self.chunkSize { buffer = [UInt8](repeating: 0, count: Self.chunkSize) }
        let count = buffer.withUnsafeMutableBufferPointer { inner.read($0.baseAddress!, maxLength: $0.count) }
        position = 0
        if count > 0 {
            buffer.removeLast(buffer.count - count)
            counters.bytesRead.add(Int64(count), ordering: .relaxed)
        } else {
            buffer.removeAll(keepingCapacity: true)
        }
        return count
    }
}
