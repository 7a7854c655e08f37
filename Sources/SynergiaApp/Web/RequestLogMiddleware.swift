import Foundation
import Vapor

/// Writes one structured line per request: method, path, status, duration, language, who.
struct RequestLogMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        var status: HTTPStatus = .internalServerError
        defer {
            let elapsed = ContinuousClock.now - start
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            request.logger.info("request", metadata: [
                "method": .string(request.method.rawValue),
                "path": .string(request.url.path),
                "status": .stringConvertible(status.code),
                "ms": .string(String(format: "%.2f", ms)),
                "lang": .string(request.language.code),
                "user": .string(request.account.map { $0.actor.description + (request.apiTokenUser != nil ? " (token)" : "") } ?? "public"),
            ])
        }
        do {
            let response = try await next.respond(to: request)
            status = response.status
            return response
        } catch {
            status = (error as? any AbortError)?.status ?? .internalServerError
            throw error
        }
    }
}
