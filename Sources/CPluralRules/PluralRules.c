#include "CPluralRules.h"
#include <stdint.h>

typedef uint16_t SynergiaUChar;
typedef int SynergiaUErrorCode; /* ICU's UErrorCode: 0 is success, above 0 an error. */

#if defined(__APPLE__)
#define SYNERGIA_ICU(name) name
#else
#define SYNERGIA_ICU(name) swift_##name
#endif

/* From ICU's unicode/upluralrules.h (stable C API since ICU 4.8). */
extern void *SYNERGIA_ICU(uplrules_open)(const char *locale, SynergiaUErrorCode *status);
extern int32_t SYNERGIA_ICU(uplrules_select)(const void *rules, double number, SynergiaUChar *keyword,
                                             int32_t capacity, SynergiaUErrorCode *status);

SynergiaPluralRules *synergia_plural_rules_open(const char *locale) {
    SynergiaUErrorCode status = 0;
    void *rules = SYNERGIA_ICU(uplrules_open)(locale, &status);
    return status > 0 ? 0 : (SynergiaPluralRules *)rules;
}

int synergia_plural_rules_select(const SynergiaPluralRules *rules, double number, char *keyword, int capacity) {
    SynergiaUChar wide[16];
    SynergiaUErrorCode status = 0;
    int32_t length = SYNERGIA_ICU(uplrules_select)(rules, number, wide, 16, &status);
    if (status > 0 || length < 0 || length >= capacity || length >= 16) return -1;
    for (int32_t i = 0; i < length; i++) {
        if (wide[i] > 127) return -1;
        keyword[i] = (char)wide[i];
    }
    keyword[length] = 0;
    return length;
}
