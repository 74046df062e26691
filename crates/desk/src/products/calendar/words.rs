//! The calendar's sentences in the app's five languages. A struct literal per language, so the
//! compiler refuses a language that lacks one; a test refuses a sentence that lacks or adds a
//! placeholder. The vocabulary is the renewals board's (ui/src/lib/i18n/).

use crate::settings::Locale;

/// What the calendar says. `{product}` is the product's name.
#[derive(Debug, Clone, Copy)]
pub struct CalendarWords {
    pub calendar_name: &'static str,
    /// `{product}`.
    pub expires: &'static str,
    /// `{product}`.
    pub switch_on_deadline: &'static str,
    pub renews_by_itself: &'static str,
    pub renew_manually: &'static str,
    pub renewal_unknown: &'static str,
    pub switch_on_why: &'static str,
}

const EN: CalendarWords = CalendarWords {
    calendar_name: "Infomaniak renewals",
    expires: "{product} expires",
    switch_on_deadline: "Last day to switch on automatic renewal: {product}",
    renews_by_itself: "Automatic renewal is on: the payment is tried 14 days before expiry.",
    renew_manually: "Automatic renewal is off: renew it by hand before it expires.",
    renewal_unknown: "Whether it renews by itself could not be read.",
    switch_on_why: "After today automatic renewal can no longer be switched on; only a manual renewal will keep it.",
};

const FR: CalendarWords = CalendarWords {
    calendar_name: "Renouvellements Infomaniak",
    expires: "{product} expire",
    switch_on_deadline: "Dernier jour pour activer le renouvellement automatique : {product}",
    renews_by_itself: "Le renouvellement automatique est activé : le paiement est tenté 14 jours avant l'échéance.",
    renew_manually: "Le renouvellement automatique est désactivé : renouvelez à la main avant l'échéance.",
    renewal_unknown: "Impossible de savoir s'il se renouvelle automatiquement.",
    switch_on_why: "Après aujourd'hui, le renouvellement automatique ne peut plus être activé ; seul un renouvellement manuel le conservera.",
};

const DE: CalendarWords = CalendarWords {
    calendar_name: "Infomaniak-Verlängerungen",
    expires: "{product} läuft ab",
    switch_on_deadline: "Letzter Tag, um die automatische Verlängerung einzuschalten: {product}",
    renews_by_itself: "Die automatische Verlängerung ist aktiv: Die Zahlung wird 14 Tage vor Ablauf versucht.",
    renew_manually: "Die automatische Verlängerung ist aus: Bitte vor Ablauf manuell verlängern.",
    renewal_unknown: "Ob es sich automatisch verlängert, konnte nicht gelesen werden.",
    switch_on_why: "Nach heute lässt sich die automatische Verlängerung nicht mehr einschalten; nur eine manuelle Verlängerung erhält es.",
};

const IT: CalendarWords = CalendarWords {
    calendar_name: "Rinnovi Infomaniak",
    expires: "{product} scade",
    switch_on_deadline: "Ultimo giorno per attivare il rinnovo automatico: {product}",
    renews_by_itself: "Il rinnovo automatico è attivo: il pagamento viene tentato 14 giorni prima della scadenza.",
    renew_manually: "Il rinnovo automatico è disattivato: rinnovalo manualmente prima della scadenza.",
    renewal_unknown: "Non è stato possibile leggere se si rinnova automaticamente.",
    switch_on_why: "Dopo oggi il rinnovo automatico non può più essere attivato; solo un rinnovo manuale lo manterrà.",
};

const ES: CalendarWords = CalendarWords {
    calendar_name: "Renovaciones de Infomaniak",
    expires: "{product} caduca",
    switch_on_deadline: "Último día para activar la renovación automática: {product}",
    renews_by_itself: "La renovación automática está activada: el pago se intenta 14 días antes del vencimiento.",
    renew_manually: "La renovación automática está desactivada: renuévalo manualmente antes del vencimiento.",
    renewal_unknown: "No se pudo leer si se renueva automáticamente.",
    switch_on_why: "Después de hoy ya no se puede activar la renovación automática; solo una renovación manual lo conservará.",
};

/// The calendar's sentences in `locale`.
pub fn calendar_words(locale: Locale) -> &'static CalendarWords {
    match locale {
        Locale::En => &EN,
        Locale::Fr => &FR,
        Locale::De => &DE,
        Locale::It => &IT,
        Locale::Es => &ES,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Locale; 5] = [Locale::En, Locale::Fr, Locale::De, Locale::It, Locale::Es];

    fn fields(w: &CalendarWords) -> [(&'static str, &'static str); 7] {
        [
            ("calendar_name", w.calendar_name),
            ("expires", w.expires),
            ("switch_on_deadline", w.switch_on_deadline),
            ("renews_by_itself", w.renews_by_itself),
            ("renew_manually", w.renew_manually),
            ("renewal_unknown", w.renewal_unknown),
            ("switch_on_why", w.switch_on_why),
        ]
    }

    #[test]
    fn every_language_has_every_sentence_with_the_english_placeholders() {
        let english = fields(calendar_words(Locale::En));
        for locale in ALL {
            for ((name, text), (_, en)) in fields(calendar_words(locale)).into_iter().zip(english) {
                assert!(!text.trim().is_empty(), "{locale:?} {name} is empty");
                assert_eq!(
                    text.matches("{product}").count(),
                    en.matches("{product}").count(),
                    "{locale:?} {name} placeholders"
                );
            }
        }
    }

    #[test]
    fn the_languages_are_translated_not_copied() {
        for locale in [Locale::Fr, Locale::De, Locale::It, Locale::Es] {
            assert_ne!(calendar_words(locale).expires, EN.expires, "{locale:?}");
        }
    }
}
