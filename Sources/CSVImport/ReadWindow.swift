import Dispatch
import Synchronization

/// How many batches the reader thread may hand over before the sender has finished with them:
/// the bound that keeps a multi-gigabyte file from being read ahead into memory.
final class ReadWindow: Sendable {
    private let slots = DispatchSemaphore(value: 0)
    private let cancelled = Atomic<Bool>(false)

    /// A window of `size` batches.
    init(size: Int) {
        // Start at 0 and signal up: libdispatch traps when a semaphore is freed below its initial value.
        for _ in 0..<max(1, size) { slots.signal() }
    }

    /// Blocks the reader thread until a batch may be handed over; false once the import stopped.
    /// A wait that blocks is counted in `stalls`.
    func acquire(stalls: borrowing Atomic<Int>) -> Bool {
        if slots.wait(timeout: .now()) == .timedOut {
            stalls.add(1, ordering: .relaxed)
            slots.wait()
        }
        return !cancelled.load(ordering: .acquiring)
    }

    /// A handed-over batch is done with.
    func release() {
        slots.signal()
    }

    /// Stops the reader: wakes it if it waits, and makes every later `acquire` fail.
    func cancel() {
        if !cancelled.exchange(true, ordering: .acquiringAndReleasing) { slots.signal() }
    }
}
