// swift-tools-version:6.0
import PackageDescription

// Benchmarks of Synergia, kept out of the main package so `swift test` never builds them.
// Run: swift run -c release --package-path Benchmarks SynergiaBenchmarks   (figures in BENCHMARKS.md)
//
// ordo-one/benchmark (package-benchmark) needs ordo-one/swift-runtime-interposer on Linux with
// Swift 6.3, which the local package mirror does not carry, so google/swift-benchmark is used.
let package = Package(
    name: "SynergiaBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Synergia", path: ".."),
        .package(url: "https://github.com/google/swift-benchmark.git", from: "0.1.2"),
    ],
    targets: [
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
