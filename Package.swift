// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "conciliation",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "conciliation", targets: ["conciliation"]),
        .executable(name: "conciliation-serve", targets: ["conciliation-serve"]),
        .library(name: "DialogueKit", targets: ["DialogueKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
        // The browser page only (`conciliation-serve`): the terminal program links neither.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0", traits: []),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Already resolved through Hummingbird; named for the graceful stop's bound.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        // The server's metrics for the operators' Prometheus, on a port of their own.
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.0.0"),
        // Already resolved through Hummingbird; named for `NIOHTTPTypes`, the request
        // parts the page's reading limits watch.
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.24.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(
            name: "DialogueKit",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // What the rules' authors use and the programs that answer people never
        // run: the checker, the graph, the diff, the case files.
        .target(
            name: "DialogueAuthoring",
            dependencies: ["DialogueKit"]
        ),
        // The clock, read only by the programs around the core: DialogueKit is
        // given `today` and cannot read one.
        .target(
            name: "WallClock",
            dependencies: ["DialogueKit"]
        ),
        .executableTarget(
            name: "embed-rules",
            dependencies: ["DialogueKit", "DialogueAuthoring"]
        ),
        .plugin(
            name: "EmbedRules",
            capability: .buildTool(),
            dependencies: ["embed-rules"]
        ),
        .target(
            name: "ShippedRules",
            dependencies: ["DialogueKit"],
            plugins: ["EmbedRules"]
        ),
        // Files as the project reads and writes them (bounded, atomic, owner-only),
        // and where a dialogue comes from: one path for both programs.
        .target(
            name: "Files",
            dependencies: ["DialogueKit", "ShippedRules", .product(name: "SystemPackage", package: "swift-system")]
        ),
        .target(
            name: "LineEditor",
            dependencies: ["CEditLine"]
        ),
        .target(
            name: "ConciliationCLI",
            dependencies: [
                "DialogueKit",
                "DialogueAuthoring",
                "WallClock",
                "ShippedRules",
                "Files",
                "LineEditor",
                "ServeOptions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .executableTarget(
            name: "conciliation",
            dependencies: ["ConciliationCLI"]
        ),
        .target(
            name: "ServeOptions",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .target(
            name: "ConciliationWeb",
            dependencies: [
                "DialogueKit",
                "WallClock",
                "ShippedRules",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.embedInCode("Templates"), .embedInCode("Assets")]
        ),
        .executableTarget(
            name: "conciliation-serve",
            dependencies: [
                "ConciliationWeb",
                "WallClock",
                "ServeOptions",
                "Files",
                "DialogueKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "conciliation-bench",
            dependencies: ["DialogueKit", "ConciliationWeb", .product(name: "Yams", package: "Yams")]
        ),
        // What the core's and the authoring tools' tests share (the shipped rules, a
        // small dialogue to break, dates); linked by tests only.
        .target(
            name: "DialogueFixtures",
            dependencies: ["DialogueKit"],
            path: "Tests/Fixtures"
        ),
        .testTarget(
            name: "DialogueKitTests",
            dependencies: ["DialogueKit", "DialogueAuthoring", "DialogueFixtures"]
        ),
        .testTarget(
            name: "DialogueAuthoringTests",
            dependencies: ["DialogueAuthoring", "DialogueKit", "DialogueFixtures"]
        ),
        .testTarget(
            name: "FilesTests",
            dependencies: ["Files", "DialogueKit", .product(name: "SystemPackage", package: "swift-system")]
        ),
        .testTarget(
            name: "WallClockTests",
            dependencies: ["WallClock", "DialogueKit"]
        ),
        .testTarget(
            name: "ConciliationCLITests",
            dependencies: ["ConciliationCLI", "DialogueKit", "DialogueAuthoring", "Files", "LineEditor"]
        ),
        .testTarget(
            name: "ConciliationWebTests",
            dependencies: [
                "ConciliationWeb", "DialogueKit", "DialogueAuthoring", "ShippedRules",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["DialogueKit"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
