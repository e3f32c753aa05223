// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "felhom-hub",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hub", targets: ["hub"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        .target(
            name: "Kernel",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .target(
            name: "ControllerSlice",
            dependencies: [
                "Kernel",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/Slices/Controller"
        ),
        .target(name: "HostIngestSlice", dependencies: ["Kernel", "ControllerSlice", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Hummingbird", package: "hummingbird")], path: "Sources/Slices/HostIngest"),
        .target(
            name: "SignedOpsSlice",
            dependencies: [
                "Kernel", "HostIngestSlice", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Slices/SignedOps"
        ),
        .executableTarget(
            name: "hub",
            dependencies: [
                "Kernel", "ControllerSlice", "HostIngestSlice", "SignedOpsSlice",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "KernelTests", dependencies: ["Kernel", "HubTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ControllerTests", dependencies: ["ControllerSlice", "Kernel", "HubTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "HubTests", dependencies: ["hub", "Kernel", "ControllerSlice", "HostIngestSlice", "HubTestSupport"]),
        .target(
            name: "HubTestSupport",
            dependencies: ["Kernel", .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/Support"
        ),
        .testTarget(name: "HostIngestTests", dependencies: ["HostIngestSlice", "ControllerSlice", "Kernel", "HubTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "SignedOpsTests",
            dependencies: [
                "SignedOpsSlice", "HostIngestSlice", "ControllerSlice", "Kernel", "HubTestSupport", "hub",
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "ObservabilityTests",
            dependencies: [
                "hub", "HostIngestSlice", "ControllerSlice", "Kernel", "HubTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)
