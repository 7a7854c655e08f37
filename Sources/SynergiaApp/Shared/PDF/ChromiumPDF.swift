import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Prints HTML to PDF with headless Chromium (Debian's `chromium`), when it is installed. One
/// call is one Chromium in its own process group and its own temporary folder; on a timeout the
/// whole group is killed, and the folder is removed whatever happens.
enum ChromiumPDF {
    static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]

    static var executable: String? { candidates.first { FileManager.default.isExecutableFile(atPath: $0) } }

    enum Failure: Error { case notInstalled, timedOut, failed(Int32) }

    /// The PDF of `html`, or why not.
    static func render(html: String, timeout: Duration, logger: Logger) async throws -> Data {
        guard let chromium = executable else { throw Failure.notInstalled }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("synergia-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("report.html"), output = directory.appendingPathComponent("report.pdf")
        try Data(html.utf8).write(to: input)
        let process = Process()
        // `setsid` makes Chromium the leader of a new process group, so a timeout kills its helpers too.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-pdf-header-footer",
                             "--no-first-run", "--disable-extensions", "--disable-background-networking", "--metrics-recording-only",
                             "--user-data-dir=\(directory.path)/profile", "--print-to-pdf=\(output.path)", input.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let group = process.processIdentifier
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning {
            kill(-group, SIGKILL)
            process.waitUntilExit()
            logger.warning("chromium did not finish printing the PDF in \(timeout)")
            throw Failure.timedOut
        }
        // Helpers Chromium left behind go with their group.
        kill(-group, SIGKILL)
        guard process.terminationStatus == 0, let data = try? Data(contentsOf: output), data.starts(with: Array("%PDF".utf8)) else {
            logger.warning("chromium could not print the PDF (status \(process.terminationStatus))")
            throw Failure.failed(process.terminationStatus)
        }
        return data
    }
}
