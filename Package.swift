// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Rulebook",
    products: [
        .library(name: "Rulebook", targets: ["Rulebook"]),
        .library(name: "ContactCenterRules", targets: ["ContactCenterRules"]),
        .library(name: "RulebookTesting", targets: ["RulebookTesting"]),
        .executable(name: "rulebook", targets: ["rulebook"]),
        .executable(name: "rulebook-bench", targets: ["rulebook-bench"]),
    ],
    dependencies: [],
    targets: [
        .target(name: "Rulebook"),
        .target(name: "ContactCenterRules", dependencies: ["Rulebook"]),
        .target(name: "RulebookTesting", dependencies: ["Rulebook"]),
        .executableTarget(
            name: "rulebook",
            dependencies: ["Rulebook", "ContactCenterRules"],
            path: "Examples/rulebook"
        ),
        .executableTarget(
            name: "rulebook-bench",
            dependencies: ["Rulebook", "ContactCenterRules"],
            path: "Examples/rulebook-bench",
            // Makes the longer logs the benchmark is also run on.
            exclude: ["repeat_months.py"]
        ),
        .testTarget(name: "RulebookTests", dependencies: ["Rulebook", "RulebookTesting"]),
        .testTarget(name: "RulebookTestingTests", dependencies: ["Rulebook", "RulebookTesting"]),
        .testTarget(
            name: "ContactCenterRulesTests",
            dependencies: ["Rulebook", "ContactCenterRules", "RulebookTesting", "rulebook"],
            exclude: ["BadInput", "Fixtures", "FuzzRegressions"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
