// swift-tools-version:6.0
import PackageDescription

// Benchmarks of Synergia, kept out of the main package so `swift test` never builds them.
// Run: swift run -c release --package-path Benchmarks SynergiaBenchmarks      (decision parser)
//      swift run -c release --package-path Benchmarks SynergiaAppBenchmarks   (pages, saves, aggregation)
// Figures in BENCHMARKS.md.
//
// ordo-one/benchmark (package-benchmark) needs ordo-one/swift-runtime-interposer on Linux with
// Swift 6.3, which the local package mirror does not carry, so google/swift-benchmark is used.
let package = Package(
    name: "SynergiaBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Synergia", path: ".."),
        .package(url: "https://github.com/google/swift-benchmark.git", from: "0.1.2"),
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
    ],
    targets: [
        // Whole-application figures: pages and saves over HTTP on SQLite with data at scale,
        // and the progress aggregation against hand-written SQL.
        .executableTarget(
            name: "SynergiaAppBenchmarks",
            dependencies: [
                .product(name: "SynergiaCore", package: "Synergia"),
                .product(name: "SynergiaApp", package: "Synergia"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "SynergiaBenchmarks",
            dependencies: [
                .product(name: "SynergiaCore", package: "Synergia"),
                .product(name: "Benchmark", package: "swift-benchmark"),
            ]
        ),
    ],
    swiftLanguageModes: [.v5]
)
