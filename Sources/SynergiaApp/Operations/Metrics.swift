import Fluent
import Foundation
import Metrics
import Prometheus
import SQLKit
import Vapor

/// The process's metrics in the Prometheus text format: Vapor's request counts and latency
/// histograms by route pattern, method and status (`http_requests_total`,
/// `http_request_duration_seconds`), page-cache hits and misses, and gauges read at each scrape.
enum SynergiaMetrics {
    /// One registry per process, bootstrapped into swift-metrics once (however many
    /// applications the process configures, as tests do).
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    static func bootstrap() { _ = registry }

    /// The gauges that are read, not counted: cache sizes, content generation, outbox depth,
    /// database connections in use (PostgreSQL), resident memory.
    static func refreshGauges(for app: Application, on db: any Database) async throws {
        registry.makeGauge(name: "synergia_page_cache_entries", labels: [], help: "Public responses held in the page cache")
            .set(Double(app.synergia.pageCache.count))
        registry.makeGauge(name: "synergia_content_generation", labels: [], help: "Changes to public content so far")
            .set(Double(try await ContentGeneration.current(on: db)))
        struct Row: Decodable { var n: Int }
        let queued = try await db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(NotificationModel.schema)
            .where(SQLIdentifier("status"), .in, SQLBind.group([NotificationStatus.queued.rawValue, NotificationStatus.sending.rawValue]))
            .first(decoding: Row.self)?.n ?? 0
        registry.makeGauge(name: "synergia_notification_outbox_depth", labels: [], help: "Notifications not yet delivered")
            .set(Double(queued))
        registry.makeGauge(name: "synergia_signed_in_cache_entries", labels: [("cache", "sessions")], help: "Sessions, API tokens and report pages held for signed-in readers")
            .set(Double(app.synergia.sessionCache.count))
        registry.makeGauge(name: "synergia_signed_in_cache_entries", labels: [("cache", "report_pages")], help: "Sessions, API tokens and report pages held for signed-in readers")
            .set(Double(app.synergia.workspacePages.count))
        registry.makeGauge(name: "synergia_signed_in_cache_entries", labels: [("cache", "api_tokens")], help: "Sessions, API tokens and report pages held for signed-in readers")
            .set(Double(app.synergia.apiTokenCache.count))
        if db.isPostgres {
            // The connections to this database as PostgreSQL counts them (every Synergia process's
            // pools, and any other client the role may see): in use (active or in a transaction) or idle.
            struct Use: Decodable { var busy: Int; var idle: Int }
            let use = try await db.sql.raw("""
                SELECT COUNT(*) FILTER (WHERE state <> 'idle') AS busy, COUNT(*) FILTER (WHERE state = 'idle') AS idle
                FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'
                """).first(decoding: Use.self)
            for (state, count) in [("busy", use?.busy ?? 0), ("idle", use?.idle ?? 0)] {
                registry.makeGauge(name: "synergia_database_connections", labels: [("state", state)],
                                   help: "Connections to the database, busy or idle (PostgreSQL; all clients the role sees)").set(Double(count))
            }
        }
        if let resident = residentBytes() {
            registry.makeGauge(name: "process_resident_memory_bytes", labels: [], help: "Resident memory of this process").set(Double(resident))
        }
    }

    /// Resident set size from `/proc/self/statm` (Linux), nil elsewhere.
    static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// May this request read `/metrics`? With a configured token, only with that bearer token. In
    /// production, never without one. Otherwise (development) only from this machine, never from a
    /// trusted proxy (it forwards the public) and never with a forwarding header.
    static func mayRead(_ request: Request) -> Bool {
        let settings = request.application.synergia.settings
        if let token = settings.metricsToken {
            guard let bearer = request.headers.bearerAuthorization?.token else { return false }
            return CSRFMiddleware.constantTimeEqual(bearer, token)
        }
        guard !settings.production else { return false }
        let forwarded = !request.headers[.xForwardedFor].isEmpty || !request.headers[.forwarded].isEmpty
            || !request.headers["X-Real-IP"].isEmpty
        guard !forwarded, let peer = request.remoteAddress?.ipAddress,
              !settings.trustedProxies.contains(where: { $0.contains(peer) }) else { return false }
        return peer == "::1" || peer.hasPrefix("127.")
    }
}

extension OperationsRoutes {
    @Sendable static func metrics(req: Request) async throws -> Response {
        guard SynergiaMetrics.mayRead(req) else { throw Abort(.notFound) }
        try await SynergiaMetrics.refreshGauges(for: req.application, on: req.db)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: SynergiaMetrics.registry.emitToString()))
    }
}
