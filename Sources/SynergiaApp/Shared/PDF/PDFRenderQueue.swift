import Foundation
import Logging

/// At most `concurrentRenders` PDFs rendered at a time in this process, at most `queuedRenders`
/// waiting, and one render per document however many people ask for it at once. A render is a
/// job, not tied to the request that started it: when it finishes its result is kept (the
/// caller stores it), so a reader who gave up finds it ready next time.
actor PDFRenderQueue {
    enum Outcome: Sendable {
        case ready(Data)
        /// Still rendering (or waiting its turn) after the caller's wait.
        case preparing
        /// Too many renders waiting: try later.
        case busy
        case failed(String)
    }

    private let limits: PDFLimits
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var jobs: [String: Task<Result<Data, ChromiumFailure>, Never>] = [:]
    /// The most renders that ran at once (for tests and metrics).
    private(set) var peakRunning = 0

    struct ChromiumFailure: Error { let reason: String }

    init(limits: PDFLimits) { self.limits = limits }

    /// The PDF for `key`, rendering `html` with `store` called on success, waiting at most the
    /// configured time.
    func pdf(key: String, html: @escaping @Sendable () -> String, store: @escaping @Sendable (Data) async -> Void,
             logger: Logger) async -> Outcome {
        let job: Task<Result<Data, ChromiumFailure>, Never>
        if let existing = jobs[key] {
            job = existing
        } else {
            guard jobs.count < limits.concurrentRenders + limits.queuedRenders else { return .busy }
            let timeout = Duration.seconds(limits.timeoutSeconds)
            job = Task {
                await self.acquire()
                defer { Task { await self.release(key) } }
                do {
                    let data = try await ChromiumPDF.render(html: html(), timeout: timeout, logger: logger)
                    await store(data)
                    return .success(data)
                } catch {
                    return .failure(ChromiumFailure(reason: "\(error)"))
                }
            }
            jobs[key] = job
        }
        let wait = Duration.seconds(limits.waitSeconds)
        let result = await withTaskGroup(of: Result<Data, ChromiumFailure>?.self) { group in
            group.addTask { await job.value }
            group.addTask { try? await Task.sleep(for: wait); return nil }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        switch result {
        case .success(let data)?: return .ready(data)
        case .failure(let failure)?: return .failed(failure.reason)
        case nil: return .preparing
        }
    }

    private func acquire() async {
        if running < limits.concurrentRenders {
            running += 1
        } else {
            await withCheckedContinuation { waiting.append($0) }
        }
        peakRunning = max(peakRunning, running)
    }

    private func release(_ key: String) {
        jobs[key] = nil
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }
}
