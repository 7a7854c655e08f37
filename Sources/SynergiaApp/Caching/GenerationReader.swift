import FluentKit
import Vapor
import NIOConcurrencyHelpers

/// Reads the generations (``Generations``) for many requests at once, never for anyone too early: a
/// request joins the next read that starts after it arrived (never one already under way, whose
/// answer could predate a write that committed before the request came). Under load, one read
/// serves every request that arrived while the reads before it were running.
final class GenerationReader: Sendable {
    private typealias Waiter = CheckedContinuation<Result<Generations, any Error>, Never>
    private struct State {
        var waiting: [Waiter] = []
        var reads = 0
    }

    private let state = NIOLockedValueBox(State())
    /// Reads under way at once, at most. Two: a request that comes while one read is running
    /// starts the next at once instead of waiting for it to end. (With one, each request waited
    /// half a read on average before its own began. On Swift's own thread pool one read at a time
    /// measured better; since the event loops run the requests (``EventLoopExecutor``), the reads'
    /// answers queue behind the requests on the same loops, and on PostgreSQL a signed-in
    /// `/healthz` went from 50 % of the anonymous one with one read to 62–71 % with two:
    /// BENCHMARKS.md, issue 12, fifth pass.)
    private let concurrentReads: Int

    init(concurrentReads: Int = 2) {
        precondition(concurrentReads >= 1, "a reader with no read to run would keep every request waiting")
        self.concurrentReads = concurrentReads
    }

    /// The generations as read after this call began, on the database that `database` gives
    /// (asked for only when a read starts: most calls join a read and need none).
    func current(on database: @escaping @Sendable () -> any Database) async throws -> Generations {
        let result = await withCheckedContinuation { (waiter: Waiter) in
            let start = state.withLockedValue { state -> Bool in
                state.waiting.append(waiter)
                guard state.reads < concurrentReads else { return false }
                state.reads += 1
                return true
            }
            if start { Task { await self.readWhileWaited(on: database()) } }
        }
        return try result.get()
    }

    /// Reads for everyone waiting when the read starts, again while anyone came meanwhile.
    private func readWhileWaited(on db: any Database) async {
        while true {
            let batch = state.withLockedValue { state -> [Waiter] in
                let batch = state.waiting
                state.waiting.removeAll()
                if batch.isEmpty { state.reads -= 1 }
                return batch
            }
            guard !batch.isEmpty else { return }
            let result: Result<Generations, any Error>
            do { result = .success(try await Generations.current(on: db)) } catch { result = .failure(error) }
            for waiter in batch { waiter.resume(returning: result) }
        }
    }
}

extension Request {
    private struct GenerationsKey: StorageKey { typealias Value = Generations }

    /// The generations, read once for this request after it arrived (shared with the requests
    /// that arrived meanwhile); whatever is kept from its reads is kept under them. Read before
    /// any write the request makes: a route that writes must not keep what it renders after.
    func generations() async throws -> Generations {
        if let read = storage[GenerationsKey.self] { return read }
        let application = application
        let read = try await application.synergia.generations.current(on: { application.db })
        storage[GenerationsKey.self] = read
        return read
    }
}
