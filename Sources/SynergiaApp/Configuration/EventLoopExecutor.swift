import Foundation
import NIOCore
import NIOPosix

/// Where Swift's async code runs: on the server's own event loops (SwiftNIO's shared group, the
/// one Vapor serves on) instead of Swift's separate pool of threads. Each `await` on the
/// database or the network otherwise resumes on another thread than the one that received the
/// answer; on this project's 2-core machine those thread switches were a fifth of a save's CPU
/// time and more of a small page's (BENCHMARKS.md, issue 12, fifth pass).
///
/// Nothing here may block a thread for long: a blocked event loop holds up the connections it
/// serves. SQLite's calls, password hashing and PDF rendering run on NIO's thread pool or in
/// another process, as before.
public enum EventLoopExecutor {
    /// Makes the event loops Swift's global executor for the rest of the process, unless
    /// `SYNERGIA_SWIFT_EXECUTOR=1` keeps Swift's own pool. Call it first thing in `main`, before
    /// any task starts. Returns whether the event loops now run Swift's tasks.
    @discardableResult
    public static func install(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard environment["SYNERGIA_SWIFT_EXECUTOR"] != "1" else { return false }
        return NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
