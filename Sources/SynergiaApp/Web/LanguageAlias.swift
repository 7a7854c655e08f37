import SynergiaCore

/// Synergia's UN language (Plot has a `Language` of its own; this one wins inside the app).
public typealias Language = SynergiaCore.Language
