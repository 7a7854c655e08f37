/// Phrases that make an action conditional on the availability of resources, per language.
/// A paragraph or sub-paragraph containing one has `subjectToResources == true`.
enum DecisionResources {
    static let phrases: [String: [String]] = [
        "zh": ["在资源允许的情况下", "在资金允许的情况下", "在有资源的情况下", "视资源情况", "视有无资源而定",
               "在可获得资源的情况下", "视能否获得资源"],
        "en": ["subject to the availability of resources", "subject to the availability of financial resources",
               "subject to available resources", "subject to the availability of funds", "subject to availability of resources"],
        "fr": ["sous réserve de la disponibilité des ressources", "sous réserve de la disponibilité de ressources",
               "sous réserve des ressources disponibles", "sous réserve de la disponibilité des ressources financières"],
        "es": ["con sujeción a la disponibilidad de recursos", "con sujeción a la disponibilidad de recursos financieros",
               "sujeto a la disponibilidad de recursos", "en función de la disponibilidad de recursos",
               "siempre que se disponga de recursos"],
        "ru": ["при условии наличия ресурсов", "при условии наличия финансовых ресурсов", "при наличии ресурсов",
               "при условии наличия средств"],
        "ar": ["رهنا بتوافر الموارد", "رهنا بتوفر الموارد", "رهنا بتوافر موارد", "رهنا بتوافر الموارد المالية"],
    ]
}
