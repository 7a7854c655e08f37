import Vapor

extension Response {
    /// A 200 whose body is written as it is produced: `head`, then what `body` writes, then
    /// `tail`. An error while writing ends the body early (the client sees a cut response, never
    /// a complete-looking one).
    static func streaming(headers: HTTPHeaders, head: String, tail: String = "",
                          _ body: @escaping @Sendable (_ write: (String) async throws -> Void) async throws -> Void) -> Response {
        Response(status: .ok, headers: headers, body: .init(asyncStream: { writer in
            do {
                try await writer.write(.buffer(ByteBuffer(string: head)))
                try await body { text in try await writer.write(.buffer(ByteBuffer(string: text))) }
                if !tail.isEmpty { try await writer.write(.buffer(ByteBuffer(string: tail))) }
                try await writer.write(.end)
            } catch {
                try? await writer.write(.error(error))
            }
        }))
    }
}
