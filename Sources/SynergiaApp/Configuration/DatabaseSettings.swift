import Foundation

/// Which database Synergia uses: the embedded SQLite file (the default) or PostgreSQL.
public enum DatabaseSettings: Equatable, Sendable, CustomStringConvertible {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: URL)

    /// Reads `DATABASE_URL` (a `postgres://` or `postgresql://` URL) and `SYNERGIA_DB`
    /// (the SQLite file, `./synergia.sqlite` by default).
    public static func from(environment: [String: String]) throws -> DatabaseSettings {
        if let raw = environment["DATABASE_URL"], !raw.isEmpty {
            return try postgres(raw, variable: "DATABASE_URL")
        }
        return .sqliteFile(path: environment["SYNERGIA_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "synergia.sqlite")
    }

    /// Parses a PostgreSQL URL, naming the variable and the problem when it is not one.
    public static func postgres(_ raw: String, variable: String) throws -> DatabaseSettings {
        guard let url = URL(string: raw), let scheme = url.scheme?.lowercased() else {
            throw SettingsError("\(variable) is not a URL: \(redacted(raw))")
        }
        guard scheme == "postgres" || scheme == "postgresql" else {
            throw SettingsError("\(variable) must be a postgres:// URL, not \(scheme)://")
        }
        guard let host = url.host, !host.isEmpty else {
            throw SettingsError("\(variable) names no host: \(redacted(raw))")
        }
        guard url.path.count > 1 else {
            throw SettingsError("\(variable) names no database (…/DBNAME at the end): \(redacted(raw))")
        }
        return .postgres(url: url)
    }

    /// The URL without its password, safe to print.
    public static func redacted(_ raw: String) -> String {
        guard var components = URLComponents(string: raw), components.password != nil else { return raw }
        components.password = "***"
        return components.string ?? raw
    }

    public var description: String {
        switch self {
        case .sqliteFile(let path): "SQLite file \(path)"
        case .sqliteMemory: "SQLite in memory"
        case .postgres(let url): "PostgreSQL \(Self.redacted(url.absoluteString))"
        }
    }

    public var isSQLite: Bool {
        if case .postgres = self { return false }
        return true
    }
}

/// A setting that cannot be used, with a message that names it and why.
public struct SettingsError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
