// swift-tools-version:6.0
// libFuzzer targets for SynergiaCore's parsers. They link SynergiaCore (and its swift-crypto and
// CSV.swift) only, never Vapor. Build and run them with `bash scripts/fuzz.sh` from the root.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which depends on where the repository was
// cloned: read it off this file's path rather than spelling it.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = root.lastPathComponent

func fuzzTarget(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzDriver", .product(name: "SynergiaCore", package: rootIdentity)],
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
}

let package = Package(
    name: "SynergiaFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "..")],
    targets: [
        // Starts libFuzzer from each target's `@main` (see FuzzDriver.h).
        .target(name: "FuzzDriver"),
        fuzzTarget("FuzzDecisionParser"),
        fuzzTarget("FuzzIndicatorImport"),
        fuzzTarget("FuzzReportPackage"),
        fuzzTarget("FuzzXLSXSheet"),
        fuzzTarget("FuzzAttachmentCheck"),
    ],
    swiftLanguageModes: [.v6]
)
