import FluentKit
import NIOConcurrencyHelpers

/// Reads the content generation for many requests at once, never for anyone too early: a
/// request joins the next read that starts after it arrived (never one already under way, whose
/// answer could predate a write that committed before the request came). Under load, one read
/// serves every request that arrived while the previous one was running.
final class GenerationReader: Sendable {
    private typealias Waiter = CheckedContinuation<Result<Int64, any Error>, Never>
    private struct State {
        var waiting: [Waiter] = []
        var reading = false
    }

    private let state = NIOLockedValueBox(State())

    /// The generation as read after this call began.
    func current(on db: any Database) async throws -> Int64 {
        let result = await withCheckedContinuation { (waiter: Waiter) in
            let start = state.withLockedValue { state -> Bool in
                state.waiting.append(waiter)
                guard !state.reading else { return false }
                state.reading = true
                return true
            }
            if start { Task { await self.readWhileWaited(on: db) } }
        }
        return try result.get()
    }

    /// Reads for everyone waiting when the read starts, again while anyone came meanwhile.
    private func readWhileWaited(on db: any Database) async {
        while true {
            let batch = state.withLockedValue { state -> [Waiter] in
                let batch = state.waiting
                state.waiting.removeAll()
                if batch.isEmpty { state.reading = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            let result: Result<Int64, any Error>
            do { result = .success(try await ContentGeneration.current(on: db)) } catch { result = .failure(error) }
            for waiter in batch { waiter.resume(returning: result) }
        }
    }
}
