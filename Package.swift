// swift-tools-version:6.0
import Foundation
import PackageDescription

/// A slice of the hub: its folder `Sources/Slices/<name>` (target `<name>Slice`), its tests
/// `Tests/<name>Tests`, the slices it requires, and what it uses beyond what every slice
/// gets (the kernel, the command-line toolkit, GRDB, Hummingbird, ArgumentParser). Adding
/// a slice is one line here and one in `Sources/hub/SliceCatalogue.swift`; removing a
/// leaf slice is deleting those lines and its two folders.
struct SliceTarget {
    let name: String
    let requires: [String]
    let uses: [Target.Dependency]
    let testsUse: [Target.Dependency]

    init(_ name: String, requires: [String] = [], uses: [Target.Dependency] = [], testsUse: [Target.Dependency] = []) {
        self.name = name
        self.requires = requires
        self.uses = uses
        self.testsUse = testsUse
    }
}

let grdb: Target.Dependency = .product(name: "GRDB", package: "GRDB.swift")
let hummingbird: Target.Dependency = .product(name: "Hummingbird", package: "hummingbird")
let hummingbirdTesting: Target.Dependency = .product(name: "HummingbirdTesting", package: "hummingbird")
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let crypto: Target.Dependency = .product(name: "Crypto", package: "swift-crypto")
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
let serviceLifecycle: Target.Dependency = .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let asyncHTTPClient: Target.Dependency = .product(name: "AsyncHTTPClient", package: "async-http-client")

let slices: [SliceTarget] = [
    SliceTarget("Controller", uses: [asyncHTTPClient, crypto, serviceLifecycle]),
    SliceTarget("HostIngest", requires: ["Controller"]),
    SliceTarget("SignedOps", requires: ["HostIngest"], uses: [crypto, logging], testsUse: [crypto]),
    SliceTarget("Enrollment", requires: ["HostIngest", "SignedOps"]),
    SliceTarget("Cutover", requires: ["HostIngest", "SignedOps", "Enrollment"], uses: [crypto], testsUse: [crypto]),
]

/// A slice and every slice it requires, directly or not, as target names.
func sliceClosure(_ name: String) -> [String] {
    let requires = slices.first { $0.name == name }?.requires ?? []
    return ["\(name)Slice"] + requires.flatMap(sliceClosure)
}

let sliceTargets: [Target] = slices.flatMap { slice -> [Target] in
    [
        .target(
            name: "\(slice.name)Slice",
            dependencies: ["Kernel", "StrictJSON", "HubCommandLine", grdb, hummingbird, argumentParser]
                + slice.requires.map { .target(name: "\($0)Slice") } + slice.uses,
            path: "Sources/Slices/\(slice.name)",
            // What a slice's folder holds besides code, where it has it.
            exclude: ["README.md", "docs"].filter {
                FileManager.default.fileExists(atPath: "\(Context.packageDirectory)/Sources/Slices/\(slice.name)/\($0)")
            }
        ),
        .testTarget(
            name: "\(slice.name)Tests",
            dependencies: Array(Set(sliceClosure(slice.name))).sorted().map { .target(name: $0) }
                + ["Kernel", "StrictJSON", "HubCommandLine", "HubTestSupport", "hub", grdb, hummingbirdTesting] + slice.testsUse
        ),
    ]
}

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
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // The strict RFC 8259 reader: every body's first pass, and the host report's only one.
        .target(name: "StrictJSON", dependencies: [.product(name: "NIOCore", package: "swift-nio")]),
        .testTarget(name: "StrictJSONTests", dependencies: ["StrictJSON", "HubTestSupport"]),
        .target(
            name: "Kernel",
            dependencies: [
                "StrictJSON", hummingbird, grdb, crypto, logging, serviceLifecycle, argumentParser,
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .target(name: "HubCommandLine", dependencies: ["Kernel", argumentParser, logging]),
        .executableTarget(
            name: "hub",
            dependencies: ["Kernel", "HubCommandLine", argumentParser] + slices.map { .target(name: "\($0.name)Slice") }
        ),
        .target(name: "HubTestSupport", dependencies: ["Kernel", hummingbirdTesting, grdb], path: "Tests/Support"),
        .testTarget(name: "KernelTests", dependencies: ["Kernel", "StrictJSON", "HubTestSupport", hummingbirdTesting, grdb]),
        // The hub as an operator runs it, across the slices this build carries.
        .testTarget(name: "HubTests", dependencies: ["hub", "Kernel", "ControllerSlice", "HostIngestSlice", "HubTestSupport", grdb]),
        .testTarget(
            name: "ObservabilityTests",
            dependencies: ["hub", "HostIngestSlice", "ControllerSlice", "Kernel", "HubTestSupport", grdb, hummingbird, hummingbirdTesting, crypto, logging]
        ),
    ] + sliceTargets
)
