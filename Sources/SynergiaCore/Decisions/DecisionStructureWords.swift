/// The words that shape a decision document, per language: the chapeau that opens the
/// preamble, header lines, page furniture, decision and resolution words, and the labels of
/// sections and sub-paragraphs in scripts other than Latin.
enum DecisionStructureWords {
    /// "The Conference of the Parties," (the line before the preambular paragraphs).
    static let chapeaux: [String: [String]] = [
        "zh": ["缔约方大会，", "缔约方大会,", "缔约方大会"],
        "en": ["the conference of the parties,", "the conference of the parties"],
        "fr": ["la conférence des parties,", "la conférence des parties"],
        "es": ["la conferencia de las partes,", "la conferencia de las partes"],
        "ru": ["конференция сторон,", "конференция сторон"],
        "ar": ["إن مؤتمر الأطراف،", "إن مؤتمر الأطراف", "مؤتمر الأطراف،"],
    ]

    /// "Decision adopted by the Conference of the Parties..." header line.
    static let decisionAdopted: [String: [String]] = [
        "zh": ["通过的决定"], "en": ["decision adopted by"], "fr": ["décision adoptée par"],
        "es": ["decisión adoptada por"], "ru": ["решение, принятое", "решение принятое"],
        "ar": ["مقرر اعتمده", "مقرر اتخذه", "مقرر صادر عن"],
    ]

    static let agenda: [String: [String]] = [
        "zh": ["议程项目"], "en": ["agenda item", "agenda items"], "fr": ["de l'ordre du jour", "point de l'ordre du jour"],
        "es": ["del programa", "tema del programa"], "ru": ["повестки дня"], "ar": ["من جدول الأعمال", "البند"],
    ]

    /// Header lines known to carry nothing the parser keeps.
    static let headNoise: [String] = [
        "distr", "distr.", "general", "générale", "generale", "limited", "original", "cbd", "unep", "الأصل",
        "原文", "оригинал", "английский", "inglés", "anglais", "english", "convention on biological diversity",
        "convention sur la diversité biologique", "convenio sobre la diversidad biológica",
        "конвенция о биологическом разнообразии", "اتفاقية التنوع البيولوجي", "生物多样性公约",
        "to the convention on biological diversity", "arabic", "chinese", "french", "russian", "spanish", "español",
        "français", "русский", "عربي", "中文", "arabe", "chinois", "espagnol", "russe", "árabe", "chino", "francés", "ruso",
    ]

    static let pageWords: [String] = ["page", "página", "pág.", "стр.", "страница", "الصفحة", "pagina"]

    static let decisionWords: [String: [String]] = [
        "zh": [], "en": ["decision", "decisions"], "fr": ["décision", "décisions"], "es": ["decisión", "decisiones"],
        "ru": ["решени*"], "ar": ["المقرر", "المقررين", "المقررات", "مقرر", "مقرري"],
    ]

    static let decisionWordsAfter: [String: [String]] = ["zh": ["号决定", "號決定"]]

    static let resolutionWords: [String: [String]] = [
        "zh": ["号决议"], "en": ["resolution", "resolutions"], "fr": ["résolution", "résolutions"],
        "es": ["resolución", "resoluciones"], "ru": ["резолюци*"], "ar": ["القرار", "قرار", "القرارين"],
    ]

    /// Section letters written in other scripts, mapped to Latin.
    static let sectionLetters: [String: String] = [
        "А": "A", "Б": "B", "В": "B", "С": "C", "Г": "D", "Д": "D", "Е": "E",
        "ألف": "A", "باء": "B", "جيم": "C", "دال": "D", "هاء": "E", "واو": "F", "زاي": "G", "حاء": "H",
    ]

    /// Sub-paragraph letters written in other scripts, mapped to Latin.
    static let subparagraphLetters: [String: String] = [
        "а": "a", "б": "b", "в": "c", "г": "d", "д": "e", "е": "f",
        "أ": "a", "ا": "a", "ب": "b", "ج": "c", "د": "d", "هـ": "e", "ه": "e", "و": "f", "ز": "g", "ح": "h", "ط": "i",
        "ي": "j",
    ]

    /// Words a line can end with and still close a sub-paragraph ("; and", "；以及").
    static let closingWords: Set<String> = ["and", "or", "et", "ou", "y", "o", "и", "или", "以及", "和", "及"]
}
