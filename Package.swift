// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "conciliation",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "conciliation", targets: ["conciliation"]),
        .library(name: "DialogueKit", targets: ["DialogueKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
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
        .executableTarget(
            name: "embed-rules",
            dependencies: ["DialogueKit"]
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
        .target(
            name: "LineEditor",
            dependencies: ["CEditLine"]
        ),
        .target(
            name: "ConciliationCLI",
            dependencies: [
                "DialogueKit",
                "ShippedRules",
                "LineEditor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .executableTarget(
            name: "conciliation",
            dependencies: ["ConciliationCLI"]
        ),
        .executableTarget(
            name: "conciliation-bench",
            dependencies: ["DialogueKit", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(
            name: "DialogueKitTests",
            dependencies: ["DialogueKit"]
        ),
        .testTarget(
            name: "ConciliationCLITests",
            dependencies: ["ConciliationCLI", "DialogueKit", "LineEditor"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["DialogueKit"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
