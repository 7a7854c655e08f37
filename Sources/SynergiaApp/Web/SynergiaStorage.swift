import SynergiaCore
import NIOPosix
import Vapor

/// What every request of one Synergia process shares: settings, language catalogs and
/// the static assets, loaded once at start.
public struct SynergiaContext: Sendable {
    public let settings: SynergiaSettings
    public let catalogs: Catalogs
    public let assets: StaticAssets
    /// Known meetings, to place deadlines such as "before SBI-1" in time.
    public let calendar: MeetingCalendar
    /// The report templates shipped in `Resources/Templates`.
    public let templates: ReportingService.Templates
    /// The indicator registry (`Resources/Reference/indicators.json`).
    public let indicators: IndicatorRegistry
    /// The cooperation registry (`Resources/Reference/cooperation.json`).
    public let cooperation: CooperationRegistry
    /// PDF renders of this process, bounded (``PDFRenderQueue``).
    let pdfQueue: PDFRenderQueue
    /// When this process started (an empty feed says it was updated then, not in 1970).
    public let startedAt: Date
    /// Threads for work that keeps a CPU busy (bcrypt, parsing uploads), apart from the
    /// database's threads, so a burst of sign-ins or a large upload never holds up queries.
    let cpuPool: NIOThreadPool
    /// Public pages and API answers of this process, kept while the content is unchanged.
    let pageCache = PageCache()
    /// Reads of the generations, shared by the requests that arrive while one is under way.
    let generations = GenerationReader()
    /// Current sessions, kept while no session has ended and no account changed.
    let sessionCache = SessionCache()
    /// API tokens found current, kept as sessions are (a token is a session that never expires).
    let apiTokenCache = SessionCache()
    /// Signed-in readers' report pages, kept while nothing they show changed.
    let workspacePages = WorkspacePageCache()
}

extension Request {
    /// bcrypt on the CPU pool, never on the request threads or the database's threads.
    var passwordHasher: AsyncPasswordHasher {
        application.password.sync.async(on: application.synergia.cpuPool, hopTo: eventLoop)
    }
}

/// Stops the CPU pool when the application shuts down.
struct CPUPoolLifecycle: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        try? await application.synergia.cpuPool.shutdownGracefully()
    }
}

extension Application {
    private struct ContextKey: StorageKey { typealias Value = SynergiaContext }

    /// Set by ``configure(_:settings:)``.
    public var synergia: SynergiaContext {
        get {
            guard let context = storage[ContextKey.self] else { fatalError("configure(_:settings:) was not called") }
            return context
        }
        set { storage[ContextKey.self] = newValue }
    }
}
