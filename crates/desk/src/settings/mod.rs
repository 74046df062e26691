//! The app's own settings that belong to no other domain: the language of what the desktop shows
//! (tray, notifications, native dialogs). Reminder settings live with the reminders; starting at
//! login is the shell's (the operating system keeps it).
//!
//! - [`Desk::locale`], [`Desk::set_locale`]: the language, the window's choice else the system's.

use crate::Desk;
use crate::error::Error;
use serde::{Deserialize, Serialize};

const LOCALE_KEY: &str = "locale";

/// The languages the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Fr,
}

impl Locale {
    /// The language of a tag such as `fr_CH.UTF-8` or `fr-FR`; English for anything else.
    pub fn from_tag(tag: &str) -> Self {
        if tag.to_ascii_lowercase().starts_with("fr") {
            Self::Fr
        } else {
            Self::En
        }
    }

    /// The system's language, from the usual environment variables.
    pub fn of_system() -> Self {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .map_or(Self::En, |v| Self::from_tag(&v))
    }
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
        let tag = match locale {
            Locale::En => "en",
            Locale::Fr => "fr",
        };
        self.store.set_setting(LOCALE_KEY, tag)
    }
}
