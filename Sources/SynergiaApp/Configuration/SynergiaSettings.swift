import Foundation

/// Everything that configures one Synergia process, read from the environment.
public struct SynergiaSettings: Sendable {
    public var database: DatabaseSettings
    /// Mark cookies `Secure` (sent over HTTPS only). On by default in production.
    public var secureCookies: Bool
    /// bcrypt cost; tests lower it to stay fast.
    public var bcryptCost: Int
    /// Show the demo banner (the server runs with demo content).
    public var demo: Bool
    /// Run background work (notification delivery); on for `serve`, off for tests and one-off commands.
    public var backgroundJobs: Bool
    /// Where the public reaches this site (`SYNERGIA_PUBLIC_URL`), for absolute links in feeds and
    /// mail; never taken from a request's `Host` header.
    public var publicURL: URL
    /// The proxies (`SYNERGIA_TRUSTED_PROXIES`, CIDRs) whose `X-Forwarded-For` names the client.
    public var trustedProxies: [CIDR]
    /// Production: HTTPS only (`Strict-Transport-Security`).
    public var production: Bool
    /// Limits of PDF rendering.
    public var pdf: PDFLimits
    /// The bearer token a Prometheus scraper sends for `/metrics` (`SYNERGIA_METRICS_TOKEN`); required in
    /// production; without one in development, `/metrics` answers only requests from this machine
    /// that no proxy forwarded.
    public var metricsToken: String? = nil

    public init(database: DatabaseSettings, secureCookies: Bool = false, bcryptCost: Int = 12, demo: Bool = false,
                backgroundJobs: Bool = false, publicURL: URL = URL(string: "http://localhost:8080")!, trustedProxies: [CIDR] = [],
                production: Bool = false, pdf: PDFLimits = PDFLimits()) {
        self.database = database
        self.secureCookies = secureCookies
        self.bcryptCost = bcryptCost
        self.demo = demo
        self.backgroundJobs = backgroundJobs
        self.publicURL = publicURL
        self.trustedProxies = trustedProxies
        self.production = production
        self.pdf = pdf
    }

    /// Reads `DATABASE_URL`, `SYNERGIA_DB`, `SYNERGIA_SECURE_COOKIES` (`1` or `0`), `SYNERGIA_PUBLIC_URL`,
    /// `SYNERGIA_TRUSTED_PROXIES`, `SYNERGIA_METRICS_TOKEN` and the `SYNERGIA_PDF_…` limits; names the variable when a value is unusable.
    public static func from(environment: [String: String], production: Bool) throws -> SynergiaSettings {
        let secure = environment["SYNERGIA_SECURE_COOKIES"].map { $0 == "1" || $0.lowercased() == "true" } ?? production
        var settings = SynergiaSettings(database: try DatabaseSettings.from(environment: environment), secureCookies: secure,
                                        production: production)
        if let raw = environment["SYNERGIA_PUBLIC_URL"], !raw.isEmpty {
            guard let url = URL(string: raw), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
                  let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil else {
                throw SettingsError("SYNERGIA_PUBLIC_URL must be an http(s) URL such as https://synergia.example.org, not \(raw)")
            }
            settings.publicURL = url
        }
        if let raw = environment["SYNERGIA_TRUSTED_PROXIES"], !raw.isEmpty {
            settings.trustedProxies = try raw.split(separator: ",").map { item in
                let text = item.trimmingCharacters(in: .whitespaces)
                guard let cidr = CIDR(text) else {
                    throw SettingsError("SYNERGIA_TRUSTED_PROXIES: \(text) is not an address or a CIDR such as 10.0.0.0/8 or ::1/128")
                }
                return cidr
            }
        }
        settings.pdf = try PDFLimits.from(environment: environment)
        if let token = environment["SYNERGIA_METRICS_TOKEN"], !token.isEmpty {
            guard token.count >= 24 else { throw SettingsError("SYNERGIA_METRICS_TOKEN must be at least 24 characters long") }
            settings.metricsToken = token
        }
        return settings
    }
}

/// How much PDF rendering one process may do: renders at a time, renders waiting, the largest
/// report (as printable HTML) it renders, and how long one render may take.
public struct PDFLimits: Sendable, Equatable {
    public var concurrentRenders: Int = 2
    public var queuedRenders: Int = 8
    public var maxHTMLBytes: Int = 3_000_000
    public var timeoutSeconds: Int = 60
    /// How long a request waits for its PDF before it is told the PDF is being prepared.
    public var waitSeconds: Int = 20

    public init() {}

    static func from(environment: [String: String]) throws -> PDFLimits {
        var limits = PDFLimits()
        func read(_ name: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let raw = environment[name], !raw.isEmpty else { return nil }
            guard let value = Int(raw), range.contains(value) else { throw SettingsError("\(name) must be a whole number in \(range), not \(raw)") }
            return value
        }
        limits.concurrentRenders = try read("SYNERGIA_PDF_RENDERS", 1...64) ?? limits.concurrentRenders
        limits.queuedRenders = try read("SYNERGIA_PDF_QUEUE", 0...1000) ?? limits.queuedRenders
        limits.maxHTMLBytes = try read("SYNERGIA_PDF_MAX_BYTES", 1_000...500_000_000) ?? limits.maxHTMLBytes
        limits.timeoutSeconds = try read("SYNERGIA_PDF_TIMEOUT", 1...3600) ?? limits.timeoutSeconds
        limits.waitSeconds = try read("SYNERGIA_PDF_WAIT", 0...600) ?? limits.waitSeconds
        return limits
    }
}
