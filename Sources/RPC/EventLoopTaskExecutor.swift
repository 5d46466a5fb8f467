import NIOCore

/// Runs Swift Concurrency jobs on one event loop.
///
/// A call's handler task prefers its connection's event loop, so reading the request, running the
/// handler and writing the response happen on one thread, without a hop between threads per call.
/// Handlers that block must not do so here: blocking work belongs on a thread pool (as the store's
/// libpq calls are).
public final class EventLoopTaskExecutor: TaskExecutor, Sendable {
    public let eventLoop: any EventLoop

    public init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
