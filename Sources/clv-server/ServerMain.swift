import ArgumentParser
import NIOCore
import NIOPosix

/// The process entry point.
@main
enum ServerMain {
    static func main() async {
        // Run Swift Concurrency on NIO's event loops: no thread hop between a call's I/O and its code.
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        await ServerCommand.main()
    }
}
