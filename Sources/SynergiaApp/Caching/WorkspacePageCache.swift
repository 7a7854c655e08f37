import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Pages of signed-in readers (a report being prepared), each kept for one account, one
/// language and one address under the generations it depends on: the content generation (the
/// report, its answers, the account and its role) and the workspace generation (comments,
/// assignments, draft indicator values); the session is checked for every request before the
/// page. A kept page is served only while both are unchanged and for at most
/// ``maxAge``; any write by anyone, in any process, to anything it shows makes the next
/// request render it afresh. The reader's form token is not kept: the page is kept with a
/// placeholder, replaced in each response by the reader's own token, masked afresh.
final class WorkspacePageCache: Sendable {
    /// A rendered page as kept: its bytes cut where the form token goes.
    struct Page: Sendable {
        var pieces: [[UInt8]]
        var bytes: Int { pieces.reduce(0) { $0 + $1.count } }
    }

    private struct Entry {
        var page: Page
        var generations: Generations
        var storedAt: Date
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var bytes = 0
        var generations = Generations(content: 0, workspace: 0, sessions: 0)

        /// Empties the store when every generation is at least the one it holds (a newer read);
        /// an older read changes nothing (its pages are not kept).
        mutating func moveOn(to newer: Generations) {
            guard newer.content >= generations.content, newer.workspace >= generations.workspace,
                  newer.sessions >= generations.sessions else { return }
            entries.removeAll(keepingCapacity: true)
            bytes = 0
            generations = newer
        }
    }

    let maxBytes: Int
    let maxAge: TimeInterval
    /// Stands for the reader's form token in a kept page (random in each process, so no
    /// content can contain it).
    let tokenPlaceholder = CSRFMiddleware.masked(CSRFMiddleware.newToken())
    private let state = NIOLockedValueBox(State())

    init(maxBytes: Int = 32 << 20, maxAge: TimeInterval = 60) {
        self.maxBytes = maxBytes
        self.maxAge = maxAge
    }

    /// The key of the page `request` asks for, for the signed-in `user`: account, language and
    /// path. Nil (not kept) when the address has a query other than `lang` (no kept page reads
    /// one; nobody fills the store with pages under made-up queries) or is too long.
    static func key(for request: Request, user: UUID) -> String? {
        if let query = request.url.query, !query.isEmpty,
           query.split(separator: "&").contains(where: { !$0.hasPrefix("lang=") }) { return nil }
        let key = "\(user) \(request.language.code) \(request.url.path)"
        return key.utf8.count <= PageCache.maxKeyBytes ? key : nil
    }

    /// The kept page of `key`, if kept at `generations` less than ``maxAge`` ago.
    func page(_ key: String, at generations: Generations, now: Date = Date()) -> Page? {
        state.withLockedValue { state in
            if generations != state.generations { state.moveOn(to: generations) }
            guard let entry = state.entries[key], entry.generations == generations,
                  now.timeIntervalSince(entry.storedAt) < maxAge else { return nil }
            return entry.page
        }
    }

    /// Keeps `html` (rendered with ``tokenPlaceholder`` from data read after `generations`) and
    /// returns it as kept.
    @discardableResult
    func keep(_ key: String, html: String, at generations: Generations, now: Date = Date()) -> Page {
        let page = Page(pieces: Self.cut(Array(html.utf8), at: Array(tokenPlaceholder.utf8)))
        let size = page.bytes + key.utf8.count
        guard size <= maxBytes / 10 else { return page }
        state.withLockedValue { state in
            if generations != state.generations { state.moveOn(to: generations) }
            guard generations == state.generations else { return }
            if let old = state.entries[key] { state.bytes -= old.page.bytes + key.utf8.count }
            while state.bytes + size > maxBytes, let victim = state.entries.first {
                state.entries.remove(at: state.entries.startIndex)
                state.bytes -= victim.value.page.bytes + victim.key.utf8.count
            }
            state.entries[key] = Entry(page: page, generations: generations, storedAt: now)
            state.bytes += size
        }
        return page
    }

    /// `page` for the reader of `request`: their own form token, masked for this response.
    func served(_ page: Page, to request: Request) -> Response {
        let token = Array(CSRFMiddleware.masked(request.csrfToken).utf8)
        var body = ByteBufferAllocator().buffer(capacity: page.bytes + token.count * max(0, page.pieces.count - 1))
        for (index, piece) in page.pieces.enumerated() {
            if index > 0 { body.writeBytes(token) }
            body.writeBytes(piece)
        }
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: .ok, headers: headers, body: .init(buffer: body))
    }

    /// `bytes` cut at each occurrence of `mark` (which is left out).
    static func cut(_ bytes: [UInt8], at mark: [UInt8]) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var rest = bytes[...]
        while let found = rest.firstRange(of: mark) {
            pieces.append(Array(rest[..<found.lowerBound]))
            rest = rest[found.upperBound...]
        }
        pieces.append(Array(rest))
        return pieces
    }

    var count: Int { state.withLockedValue { $0.entries.count } }
}
