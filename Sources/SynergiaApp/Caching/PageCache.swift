import CompressNIO
import Crypto
import Foundation
import NIOConcurrencyHelpers
import SynergiaCore
import Vapor

/// Public responses kept in memory, each under the content generation it was built at. An entry
/// is served only while the generation is the same and for at most ``maxAge`` (pages that show
/// the date, such as upcoming meetings, move on without a write); the whole store is bounded
/// in bytes, oldest entries out first.
final class PageCache: Sendable {
    struct Entry: Sendable {
        var generation: Int64
        var storedAt: Date
        var status: HTTPResponseStatus
        var headers: HTTPHeaders
        var body: ByteBuffer
        /// The body gzip-compressed once, for every reader whose client accepts it (nil when small).
        var gzipped: ByteBuffer?
        /// A strong validator: a digest of the body, the same in every process.
        var etag: String
        /// Bytes held: both representations.
        var size: Int { body.readableBytes + (gzipped?.readableBytes ?? 0) }
        /// The validator of the gzip representation (a different representation, another strong validator).
        var gzipETag: String { String(etag.dropLast()) + "-gz\"" }

        init(generation: Int64, storedAt: Date = Date(), status: HTTPResponseStatus, headers: HTTPHeaders, body: ByteBuffer) {
            self.generation = generation
            self.storedAt = storedAt
            self.status = status
            self.headers = headers
            self.body = body
            self.etag = PageCache.etag(of: body)
            var input = body
            self.gzipped = body.readableBytes < 1024 ? nil : try? input.compress(with: .gzip())
        }
    }

    /// What a reader does after a look-up.
    enum Lookup {
        /// Serve this entry.
        case hit(Entry)
        /// Render the page; then call ``finish(_:generation:entry:)`` (others wait for it).
        case lead
        /// Render the page without keeping it (it cannot be kept, or its first render was not kept).
        case render
    }

    private struct State {
        var entries: [String: Entry] = [:]
        /// Readers waiting for the render of a page that is already under way, by generation and key.
        var inFlight: [String: [CheckedContinuation<Entry?, Never>]] = [:]
        /// Keys whose page could not be kept at this generation (a form, a cookie, an error).
        var uncacheable: Set<String> = []
        /// Keys in the order they were first stored, for eviction: those before `orderStart` are gone.
        var order: [String] = []
        var orderStart = 0
        var bytes = 0
        var generation: Int64 = 0

        func valid(_ key: String, generation: Int64, now: Date, maxAge: TimeInterval) -> Entry? {
            guard let entry = entries[key], entry.generation == generation, now.timeIntervalSince(entry.storedAt) < maxAge else { return nil }
            return entry
        }

        mutating func dropAll(newGeneration: Int64) {
            entries.removeAll(keepingCapacity: true)
            uncacheable.removeAll(keepingCapacity: true)
            order.removeAll(keepingCapacity: true)
            bytes = 0
            generation = newGeneration
        }
    }

    let maxBytes: Int
    let maxAge: TimeInterval
    private let state = NIOLockedValueBox(State())

    init(maxBytes: Int = 64 << 20, maxAge: TimeInterval = 60) {
        self.maxBytes = maxBytes
        self.maxAge = maxAge
    }


    /// Looks `key` up at `generation`. Of many readers missing the same page at once, one renders
    /// it and the others wait for that render (one render per page and generation, not one per
    /// reader, when a write has just emptied the cache on a busy day).
    func lookup(_ key: String, generation: Int64, now: Date = Date()) async -> Lookup {
        let flight = Self.flight(key, generation)
        let first: Lookup? = state.withLockedValue { state in
            if generation > state.generation { state.dropAll(newGeneration: generation) }
            if let entry = state.valid(key, generation: generation, now: now, maxAge: maxAge) { return .hit(entry) }
            if generation < state.generation || state.uncacheable.contains(key) { return .render }
            guard state.inFlight[flight] != nil else {
                state.inFlight[flight] = []
                return .lead
            }
            return nil
        }
        if let first { return first }
        let entry: Entry? = await withCheckedContinuation { continuation in
            let ready: Entry?? = state.withLockedValue { state in
                if state.inFlight[flight] != nil {
                    state.inFlight[flight]!.append(continuation)
                    return .none
                }
                return .some(state.valid(key, generation: generation, now: now, maxAge: maxAge))
            }
            if case .some(let entry) = ready { continuation.resume(returning: entry) }
        }
        return entry.map { .hit($0) } ?? .render
    }

    /// Ends the render a ``lookup(_:generation:now:)`` answered `.lead` for: keeps `entry` (nil when
    /// the page cannot be kept) and hands it to the readers who waited.
    func finish(_ key: String, generation: Int64, entry: Entry?) {
        if let entry { store(key, entry) }
        let waiting = state.withLockedValue { state in
            if entry == nil, generation == state.generation, state.uncacheable.count < 10_000 { state.uncacheable.insert(key) }
            return state.inFlight.removeValue(forKey: Self.flight(key, generation)) ?? []
        }
        for continuation in waiting { continuation.resume(returning: entry) }
    }

    /// The largest page kept (a tenth of the store); larger ones are rendered for each reader.
    var maxEntryBytes: Int { maxBytes / 10 }

    /// The longest key kept: a page asked for with a longer query is rendered, not kept, so no
    /// one fills the store with pages under made-up queries.
    static let maxKeyBytes = 512

    /// The renders under way are keyed by generation and page.
    private static func flight(_ key: String, _ generation: Int64) -> String { "\(generation) \(key)" }

    /// Keeps `entry` under `key` (unless a newer generation was seen meanwhile, or it is too large).
    private func store(_ key: String, _ entry: Entry) {
        guard entry.body.readableBytes <= maxEntryBytes else { return }
        let size = entry.size + key.utf8.count
        state.withLockedValue { state in
            if entry.generation > state.generation { state.dropAll(newGeneration: entry.generation) }
            guard entry.generation == state.generation else { return }
            if let old = state.entries[key] {
                state.bytes -= old.size + key.utf8.count
            } else {
                state.order.append(key)
            }
            state.entries[key] = entry
            state.bytes += size
            while state.bytes > maxBytes, state.orderStart < state.order.count {
                let oldest = state.order[state.orderStart]
                state.orderStart += 1
                if let gone = state.entries.removeValue(forKey: oldest) { state.bytes -= gone.size + oldest.utf8.count }
            }
            if state.orderStart > 1024, state.orderStart * 2 > state.order.count {
                state.order.removeFirst(state.orderStart)
                state.orderStart = 0
            }
        }
    }

    /// How many entries the store holds (for `/metrics`).
    var count: Int { state.withLockedValue { $0.entries.count } }

    static func etag(of body: ByteBuffer) -> String {
        let digest = SHA256.hash(data: body.readableBytesView)
        return "\"" + SHA256Hex.hex(digest.prefix(12)) + "\""
    }
}
