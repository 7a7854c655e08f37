import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import NIOPosix
import SynergiaCore
import Vapor

/// Sets up one Synergia application: database, migrations, sessions, middleware, routes.
/// Does not migrate; call ``prepareDatabase(_:)`` (as `serve` and `migrate` do).
public func configure(_ app: Application, settings: SynergiaSettings) async throws {
    // SQLite runs every query on this pool: enough threads that readers (WAL) go on in parallel.
    app.threadPool = NIOThreadPool(numberOfThreads: max(4, System.coreCount * 4))
    let cpuPool = NIOThreadPool(numberOfThreads: max(1, System.coreCount))
    cpuPool.start()
    app.lifecycle.use(CPUPoolLifecycle())
    app.synergia = SynergiaContext(settings: settings, catalogs: try Catalogs.load(), assets: try StaticAssets.load(),
                                   calendar: try MeetingCalendar.load(), templates: try ReportingService.Templates.load(),
                                   indicators: try IndicatorRegistry.load(), cooperation: try CooperationRegistry.load(),
                                   pdfQueue: PDFRenderQueue(limits: settings.pdf), startedAt: Date(), cpuPool: cpuPool)

    switch settings.database {
    case .sqliteFile(let path):
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory, sqlLogLevel: .debug), as: .sqlite)
    case .postgres(let url):
        let configuration = try SQLPostgresConfiguration(url: url)
        // Four connections per event loop: a write transaction holds one for its whole length,
        // and PostgreSQL runs each connection's statements in a process of its own, so reads
        // go on beside writes (SQLite has one connection per loop: it has one writer anyway).
        app.databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 4, sqlLogLevel: .debug), as: .psql)
    }

    app.migrations.add(CreateReferenceTables())
    app.migrations.add(CreateAccountTables())
    app.migrations.add(AddUserLanguage())
    app.migrations.add(AddPublishingAuthorityRole())
    app.migrations.add(SessionRecord.migration)
    app.migrations.add(CreateDecisionTables())
    app.migrations.add(CreateMeetingTables())
    app.migrations.add(AddMeetingLanguage())
    app.migrations.add(CreateAdvisoryTables())
    app.migrations.add(CreateNotificationTables())
    app.migrations.add(CreateNewsTables())
    app.migrations.add(CreateReportingTables())
    // Right after the table it changes: later migrations read reports through the model.
    app.migrations.add(AddPublicationRequests())
    app.migrations.add(CreateCollaborationTables())
    app.migrations.add(CreateIndicatorTables())
    app.migrations.add(CreateProgressTables())
    app.migrations.add(CreateIndicatorSeries())
    app.migrations.add(CreateTargetLinks())
    app.migrations.add(CreateAPITokens())
    app.migrations.add(AddProgressCycleIndex())
    app.migrations.add(CreateNationalIndicators())
    app.migrations.add(AddNationalIndicatorLanguage())
    app.migrations.add(AddIndicatorValueIndex())
    app.migrations.add(CreateAuditHead())
    app.migrations.add(CreateIndicatorDrafts())
    app.migrations.add(CreateImportStaging())
    app.migrations.add(CreateReportPDFs())
    app.migrations.add(CreateUserSessions())
    app.migrations.add(CreateSignInThrottle())
    app.migrations.add(AddNotificationClaims())
    app.migrations.add(AddActionItemVersion())
    app.migrations.add(CreateContentGeneration())
    app.migrations.add(CreatePrivateGenerations())
    app.migrations.add(CreateSearchIndex(templates: app.synergia.templates))
    app.migrations.add(AddSearchEntryDates(templates: app.synergia.templates))
    app.migrations.add(CreateSavedSearches())
    app.migrations.add(AddDecisionListIndexes())
    app.migrations.add(CreateReportVisits())
    app.migrations.add(AddAPITokenGenerationTriggers())
    app.migrations.add(AddCommentLanguage())
    app.migrations.add(CreateContentTranslations())
    app.migrations.add(IndexContentTranslations())
    app.migrations.add(CreateIndicatorStatements())
    app.migrations.add(DatePendingPublicationRequests())
    app.migrations.add(CreateNationalTargets())
    app.migrations.add(CreateAttachments())
    app.migrations.add(CreateNationalTargetDocuments())

    if settings.backgroundJobs {
        app.lifecycle.use(NotificationWorker())
        app.lifecycle.use(MaintenanceWorker())
    }

    app.passwords.use(.bcrypt(cost: settings.bcryptCost))

    // Compressed for clients that accept it (HTML, JSON, CSV, XML; not images or PDFs).
    app.http.server.configuration.responseCompression = .enabledForCompressibleTypes
    SynergiaMetrics.bootstrap()

    app.routes.defaultMaxBodySize = "1mb"
    app.middleware = Middlewares()
    app.middleware.use(RequestLogMiddleware())
    app.middleware.use(LanguageMiddleware())
    app.middleware.use(SecurityHeaders(production: settings.production))
    app.middleware.use(ErrorPages())
    app.middleware.use(InputGuard())
    app.middleware.use(SessionAuthentication())
    app.middleware.use(APITokenAuthenticator())
    app.middleware.use(CSRFMiddleware())
    app.middleware.use(PublicPageCacheMiddleware(cache: app.synergia.pageCache))

    try routes(app)
}

/// Migrates the database and loads the shipped reference data (idempotent).
/// SQLite files are switched to write-ahead logging first.
public func prepareDatabase(_ app: Application) async throws {
    if case .sqliteFile = app.synergia.settings.database {
        try await app.db.sql.raw("PRAGMA journal_mode=WAL").run()
    }
    if !app.db.isPostgres { try await SQLiteSettings.applyToPool(app) }
    try await app.autoMigrate()
    try await ReferenceLoader.load(try ReferenceData.load(), on: app.db)
    try await CrosswalkLoader.load(try CrosswalkFile.load(), on: app.db)
    let registries = SearchDocuments.registries(app.synergia.indicators, app.synergia.cooperation)
    try await app.db.transaction { db in try await SearchIndex.replace(SearchDocuments.registriesSource, with: registries, on: db) }
}

/// Registers every route of Synergia, feature by feature.
func routes(_ app: Application) throws {
    try app.register(collection: OperationsRoutes())
    try app.register(collection: ReferencePages())
    try app.register(collection: ReferenceAPI())
    try app.register(collection: AccountPages())
    try app.register(collection: AccountAPI())
    try app.register(collection: AdminUserPages())
    try app.register(collection: DecisionRoutes())
    try app.register(collection: MeetingRoutes())
    try app.register(collection: AdvisoryRoutes())
    try app.register(collection: OutreachRoutes())
    try app.register(collection: TranslationRoutes())
    try app.register(collection: CooperationRoutes())
    try app.register(collection: ReportingRoutes())
    try app.register(collection: IndicatorRoutes())
    try app.register(collection: SDMXRoutes())
    try app.register(collection: ProgressRoutes())
    try app.register(collection: NationalTargetRoutes())
    try app.register(collection: NationalTargetPackageRoutes())
    try app.register(collection: AttachmentRoutes())
    try app.register(collection: CrosswalkRoutes())
    try app.register(collection: APITokenPages())
    try app.register(collection: WriteAPI())
    try app.register(collection: SearchRoutes())
    try app.register(collection: SavedSearchRoutes())
}
