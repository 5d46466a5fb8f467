import NIOPosix

// Run Swift Concurrency on NIO's event loops: no thread hop between a call's I/O and its handler.
_ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
await ServerCommand.main()
