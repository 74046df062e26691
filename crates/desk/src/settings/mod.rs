//! The app's own settings that belong to no other domain: the language of what the desktop shows
//! (tray, notifications, native dialogs). Reminder settings live with the reminders; starting at
//! login is the shell's (the operating system keeps it).
//!
//! - [`Desk::locale`], [`Desk::set_locale`]: the language, the window's choice else the system's.
//! - [`system_locale`]: the system's locale as a BCP-47 tag, for the window's default language and
//!   region formats (the webview's own `navigator.language` is unreliable: `C`/en-US on Linux,
//!   fr-FR for fr-CH in WebKit).

use crate::Desk;
use crate::error::Error;
use serde::{Deserialize, Serialize};

const LOCALE_KEY: &str = "locale";

/// The languages the app speaks: those of Infomaniak's Manager.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Fr,
    De,
    It,
    Es,
}

impl Locale {
    /// The language of a tag such as `fr_CH.UTF-8`, `de-CH` or `it`; English for anything else.
    pub fn from_tag(tag: &str) -> Self {
        let language = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match language.as_str() {
            "fr" => Self::Fr,
            "de" => Self::De,
            "it" => Self::It,
            "es" => Self::Es,
            _ => Self::En,
        }
    }

    /// Its tag, as kept in the store and sent to the window.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fr => "fr",
            Self::De => "de",
            Self::It => "it",
            Self::Es => "es",
        }
    }

    /// The system's language.
    pub fn of_system() -> Self {
        system_locale().map_or(Self::En, |tag| Self::from_tag(&tag))
    }
}

/// The system's locale as a BCP-47 tag such as `de-CH`, read by sys-locale (the user's setting on
/// macOS and Windows, `LC_ALL`/`LC_MESSAGES`/`LANG` on Linux); `None` when it tells nothing
/// usable (the `C` and `POSIX` locales name no language).
pub fn system_locale() -> Option<String> {
    sys_locale::get_locale()
        .map(|tag| bcp47(&tag))
        .filter(|tag| !matches!(tag.as_str(), "C" | "POSIX" | ""))
}

/// `fr_CH.UTF-8` or `de_CH@euro` as BCP-47 (`fr-CH`, `de-CH`): the encoding and modifier dropped,
/// underscores turned into hyphens.
fn bcp47(tag: &str) -> String {
    tag.split(['.', '@'])
        .next()
        .unwrap_or_default()
        .replace('_', "-")
}

impl Desk {
    /// The language of the tray and the notifications: the window's choice, else the system's.
    pub fn locale(&self) -> Locale {
        match self.store.setting(LOCALE_KEY) {
            Ok(Some(tag)) => Locale::from_tag(&tag),
            _ => Locale::of_system(),
        }
    }

    /// Keeps the window's language for what the desktop shows.
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn set_locale(&self, locale: Locale) -> Result<(), Error> {
        self.store.set_setting(LOCALE_KEY, locale.tag())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_names_one_of_the_five_languages_else_english() {
        for (tag, locale) in [
            ("fr_CH.UTF-8", Locale::Fr),
            ("de-CH", Locale::De),
            ("de_CH@euro", Locale::De),
            ("it", Locale::It),
            ("IT-ch", Locale::It),
            ("es_ES.UTF-8", Locale::Es),
            ("en-GB", Locale::En),
            ("pt-BR", Locale::En),
            ("C", Locale::En),
            ("", Locale::En),
            // "est" (Estonian) starts like "es" but is not Spanish.
            ("et-EE", Locale::En),
            ("esperanto", Locale::En),
        ] {
            assert_eq!(Locale::from_tag(tag), locale, "{tag}");
        }
    }

    #[test]
    fn each_language_reads_back_from_its_own_tag() {
        for locale in [Locale::En, Locale::Fr, Locale::De, Locale::It, Locale::Es] {
            assert_eq!(Locale::from_tag(locale.tag()), locale);
            let json = serde_json::to_string(&locale).unwrap();
            assert_eq!(json, format!("\"{}\"", locale.tag()));
        }
    }

    #[test]
    fn system_tags_become_bcp47() {
        assert_eq!(bcp47("fr_CH.UTF-8"), "fr-CH");
        assert_eq!(bcp47("de_CH@euro"), "de-CH");
        assert_eq!(bcp47("it-CH"), "it-CH");
    }
}
