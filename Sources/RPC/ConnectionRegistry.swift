import NIOCore
import Synchronization

/// The server's open connections, so a graceful shutdown can drain and close them.
final class ConnectionRegistry: Sendable {
    private struct Entry: Sendable {
        let channel: any Channel
        let handler: NIOLoopBound<ServerConnectionHandler>
    }

    private let entries = Mutex<[ObjectIdentifier: Entry]>([:])

    var count: Int { entries.withLock { $0.count } }

    /// Called on the connection's event loop when it is set up.
    func add(_ channel: any Channel, handler: NIOLoopBound<ServerConnectionHandler>) {
        let key = ObjectIdentifier(channel)
        entries.withLock { $0[key] = Entry(channel: channel, handler: handler) }
        channel.closeFuture.whenComplete { [weak self] _ in
            self?.entries.withLock { _ = $0.removeValue(forKey: key) }
        }
    }

    /// Lets calls in flight finish, for at most `gracePeriod`, then closes every connection.
    func drain(gracePeriod: Duration, on loop: any EventLoop) async {
        let snapshot = entries.withLock { Array($0.values) }
        let drained = snapshot.map { entry in
            entry.channel.eventLoop.flatSubmit { entry.handler.value.startDraining() }
        }
        let done = loop.makePromise(of: Void.self)
        EventLoopFuture.andAllComplete(drained, on: loop).cascade(to: done)
        let timer = loop.scheduleTask(in: TimeAmount(gracePeriod)) { done.succeed(()) }
        try? await done.futureResult.get()
        timer.cancel()
        for entry in entries.withLock({ Array($0.values) }) {
            try? await entry.channel.close()
        }
    }
}
