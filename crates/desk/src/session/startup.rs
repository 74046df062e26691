//! Why the app cannot start, said in the person's language: the shell shows it in a native dialog
//! (there is no window to show it in), then exits. Never a panic, never a silent exit.

use crate::error::Error;
use crate::settings::Locale;

/// The dialog's title and sentence for a store that could not be opened.
pub fn cannot_start(locale: Locale, error: &Error) -> (String, String) {
    let title = match locale {
        Locale::Fr => "IK Desk ne peut pas démarrer",
        _ => "IK Desk cannot start",
    };
    let text = match (error, locale) {
        (Error::StoreInUse { .. }, Locale::Fr) => {
            "IK Desk est déjà ouvert avec ces données. Utilisez la fenêtre ouverte (ou l'icône dans la zone de notification).".to_owned()
        }
        (Error::StoreInUse { .. }, _) => {
            "IK Desk is already open with this data. Use the open window (or its icon in the system tray).".to_owned()
        }
        (Error::StoreTooNew { path, .. }, Locale::Fr) => format!(
            "Les données locales ({path}) ont été écrites par une version plus récente d'IK Desk. Installez cette version, ou déplacez le fichier pour repartir de zéro."
        ),
        (Error::StoreTooNew { path, .. }, _) => format!(
            "The local data ({path}) was written by a newer version of IK Desk. Install that version, or move the file away to start afresh."
        ),
        (Error::StoreFile { path, source }, Locale::Fr) => format!(
            "IK Desk ne peut pas écrire ses données dans {path} ({source}). Vérifiez que ce dossier est accessible en écriture."
        ),
        (Error::StoreFile { path, source }, _) => format!(
            "IK Desk cannot write its data in {path} ({source}). Check that this folder is writable."
        ),
        (other, Locale::Fr) => format!("Les données locales n'ont pas pu être ouvertes : {other}"),
        (other, _) => format!("The local data could not be opened: {other}"),
    };
    (title.to_owned(), text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_reason_is_said_in_the_persons_language() {
        let in_use = Error::StoreInUse {
            path: "/data/ik-desk.sqlite3".into(),
        };
        let (title, text) = cannot_start(Locale::En, &in_use);
        assert_eq!(title, "IK Desk cannot start");
        assert!(text.contains("already open"), "{text}");
        let (title, text) = cannot_start(Locale::Fr, &in_use);
        assert_eq!(title, "IK Desk ne peut pas démarrer");
        assert!(text.contains("déjà ouvert"), "{text}");
        let too_new = Error::StoreTooNew {
            path: "/data/ik-desk.sqlite3".into(),
            found: 9,
            known: 5,
        };
        assert!(
            cannot_start(Locale::En, &too_new)
                .1
                .contains("/data/ik-desk.sqlite3")
        );
    }
}
