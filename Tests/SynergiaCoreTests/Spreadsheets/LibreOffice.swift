import Foundation

/// LibreOffice, headless (Debian's `libreoffice-calc-nogui`), to prove that workbooks Synergia
/// writes open in a real spreadsheet and that workbooks a real spreadsheet writes are read.
/// CI installs it and sets `SYNERGIA_REQUIRE_LIBREOFFICE=1`, so there a missing LibreOffice fails
/// the tests instead of skipping them.
enum LibreOffice {
    static var executable: String? {
        ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var isAvailable: Bool { executable != nil || ProcessInfo.processInfo.environment["SYNERGIA_REQUIRE_LIBREOFFICE"] == "1" }

    /// Converts `input` to `filter` (`xlsx`, or `csv:…`) into a new folder; returns the converted file.
    /// `from`: the input filter and its options (for a CSV, `CSV:44,34,76`: comma, double quote, UTF-8).
    static func convert(_ input: URL, to filter: String, extension ext: String, from inputFilter: String? = nil) throws -> URL {
        guard let executable else { throw ConversionError(reason: "LibreOffice (soffice) is not installed") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        // A profile of its own: conversions running at once do not wait on one another's lock.
        process.arguments = ["-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--norestore",
                             "--convert-to", filter, "--outdir", folder.path] + (inputFilter.map { ["--infilter=\($0)"] } ?? []) + [input.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let output = folder.appendingPathComponent(input.deletingPathExtension().lastPathComponent + "." + ext)
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: output.path) else {
            throw ConversionError(reason: "soffice exited \(process.terminationStatus) without \(output.lastPathComponent)")
        }
        return output
    }

    struct ConversionError: Error { var reason: String }
}
