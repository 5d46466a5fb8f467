// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "clv",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "clv-server", targets: ["clv-server"]),
        .executable(name: "clv", targets: ["clv"]),
        .library(name: "RPC", targets: ["RPC"]),
        .library(name: "CLVProto", targets: ["CLVProto"]),
        .library(name: "CLVStubs", targets: ["CLVStubs"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-numerics.git", from: "1.0.0"),
    ],
    targets: [
        // System libraries and generated C.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .systemLibrary(
            name: "CProtobufC",
            pkgConfig: "libprotobuf-c",
            providers: [.apt(["libprotobuf-c-dev"])]
        ),
        .target(name: "CLVProtoC", dependencies: ["CProtobufC"]),
        .target(name: "CProtocPlugin", dependencies: ["CLVProtoC", "CProtobufC"]),

        // protoc's plugin that turns proto/ into the Swift under Sources/CLVProto/Generated and
        // Sources/CLVStubs/Generated (scripts/generate-proto runs it).
        .executableTarget(
            name: "protoc-gen-clv-swift",
            dependencies: ["CProtocPlugin", "CLVProtoC", "CProtobufC"]
        ),

        // Messages as Swift values: generated types over a small runtime.
        .target(name: "CLVProto", dependencies: ["CLVProtoC", "CProtobufC"]),

        // Transport, calls, router, server, client.
        .target(
            name: "RPC",
            dependencies: [
                "CLVProto",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        // Generated per service: method descriptors, typed clients, server protocols.
        .target(name: "CLVStubs", dependencies: ["CLVProto", "RPC"]),

        // libpq: pool, transactions, COPY, migrations, embedded cluster.
        .target(
            name: "Store",
            dependencies: [
                "CLibPQ",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // What every service shares: store errors as RPC statuses, the health service, the registry.
        .target(
            name: "CLVService",
            dependencies: [
                "RPC", "Store", "CLVProto", "CLVStubs",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),

        // Customers, orders, events and exchange rates in; derived per-customer statistics kept current.
        .target(
            name: "Ingestion",
            dependencies: [
                "CLVService", "CLVStubs", "RPC", "Store", "CLVProto",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Customer-lifetime-value models: BG/NBD, Pareto/NBD, Gamma-Gamma, the classic formulas,
        // and simulators of each. Pure: no I/O.
        .target(
            name: "CLVModels",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")]
        ),

        // What each customer is worth: model runs, scores, value cards, reports, evaluations.
        .target(
            name: "Valuation",
            dependencies: [
                "CLVModels", "CLVService", "CLVStubs", "Ingestion", "RPC", "Store", "CLVProto",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Where each customer stands and why: RFM segments, lifecycle stages, value tiers, churn
        // warnings with their driver, and the churn-risk model.
        .target(
            name: "Segmentation",
            dependencies: [
                "CLVModels", "CLVService", "CLVStubs", "Ingestion", "Valuation", "RPC", "Store", "CLVProto",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // The demo shop: a realistic cross-border shop simulated, loaded and valued end to end.
        .target(
            name: "DemoShop",
            dependencies: [
                "CLVModels", "CLVProto", "CLVStubs", "CLVService", "Ingestion", "Valuation", "Segmentation", "RPC", "Store",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        // The client side of bulk loads: CSV rows to records, batches in flight, progress, rejects.
        .target(
            name: "CSVImport",
            dependencies: [
                "Ingestion", "CLVProto", "CLVStubs", "RPC",
            ]
        ),

        .executableTarget(
            name: "clv-server",
            dependencies: [
                "CLVService", "CLVStubs", "Ingestion", "Valuation", "Segmentation", "RPC", "Store",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "clv",
            dependencies: [
                "CLVService", "CLVStubs", "Ingestion", "Valuation", "Segmentation", "DemoShop", "CSVImport", "CLVModels", "RPC", "CLVProto", "Store",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),

        .testTarget(
            name: "CLVProtoTests",
            dependencies: ["CLVProto", "CLVStubs", "TestSupport"]
        ),
        // The Swift generator's output for a proto with every feature, against committed files.
        .testTarget(
            name: "ProtocPluginTests",
            dependencies: ["protoc-gen-clv-swift"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "RPCTests",
            dependencies: [
                "RPC", "CLVProto",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "IngestionTests",
            dependencies: ["Ingestion", "CLVProto", "CLVService", "RPC", "Store", "TestSupport"]
        ),
        .testTarget(
            name: "CSVImportTests",
            dependencies: ["CSVImport", "Ingestion", "CLVProto", "RPC"]
        ),
        .testTarget(
            name: "ValuationTests",
            dependencies: ["Valuation", "Segmentation", "DemoShop", "Ingestion", "CLVModels", "CLVProto", "CLVService", "RPC", "Store", "TestSupport"]
        ),
        // The command line's own logic: argument syntax, help and what it prints.
        .testTarget(
            name: "CLITests",
            dependencies: ["clv", "CLVProto", "Valuation", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "SegmentationTests",
            dependencies: ["Segmentation", "Valuation", "Ingestion", "CLVModels", "CLVProto", "CLVService", "RPC", "Store", "TestSupport"]
        ),
        .testTarget(
            name: "CLVModelsTests",
            dependencies: ["CLVModels"]
        ),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "TestSupport"]
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "CLVService", "DemoShop", "Ingestion", "Valuation", "Segmentation", "RPC", "Store", "CLVProto", "TestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Starts a throwaway PostgreSQL for the test suites that need one.
        .target(
            name: "TestSupport",
            dependencies: [
                "Store", "CLVProto",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Tests/TestSupport"
        ),
    ],
    swiftLanguageModes: [.v6]
)
