//! Why the app cannot start, said in the person's language: the shell shows it in a native dialog
//! (there is no window to show it in), then exits. Never a panic, never a silent exit.

use crate::error::Error;
use crate::settings::Locale;

/// What the dialog says, in one language: `{path}` and `{reason}` are filled in.
struct Sentences {
    title: &'static str,
    in_use: &'static str,
    too_new: &'static str,
    unwritable: &'static str,
    other: &'static str,
}

fn sentences(locale: Locale) -> Sentences {
    match locale {
        Locale::En => Sentences {
            title: "IK Desk cannot start",
            in_use: "IK Desk is already open with this data. Use the open window (or its icon in the system tray).",
            too_new: "The local data ({path}) was written by a newer version of IK Desk. Install that version, or move the file away to start afresh.",
            unwritable: "IK Desk cannot write its data in {path} ({reason}). Check that this folder is writable.",
            other: "The local data could not be opened: {reason}",
        },
        Locale::Fr => Sentences {
            title: "IK Desk ne peut pas démarrer",
            in_use: "IK Desk est déjà ouvert avec ces données. Utilisez la fenêtre ouverte (ou son icône dans la zone de notification).",
            too_new: "Les données locales ({path}) ont été écrites par une version plus récente d'IK Desk. Installez cette version, ou déplacez le fichier pour repartir de zéro.",
            unwritable: "IK Desk ne peut pas écrire ses données dans {path} ({reason}). Vérifiez que ce dossier est accessible en écriture.",
            other: "Les données locales n'ont pas pu être ouvertes : {reason}",
        },
        Locale::De => Sentences {
            title: "IK Desk kann nicht starten",
            in_use: "IK Desk ist mit diesen Daten bereits geöffnet. Verwenden Sie das offene Fenster (oder sein Symbol im Infobereich).",
            too_new: "Die lokalen Daten ({path}) wurden von einer neueren Version von IK Desk geschrieben. Installieren Sie diese Version oder verschieben Sie die Datei, um neu zu beginnen.",
            unwritable: "IK Desk kann seine Daten nicht in {path} schreiben ({reason}). Prüfen Sie, ob dieser Ordner beschreibbar ist.",
            other: "Die lokalen Daten konnten nicht geöffnet werden: {reason}",
        },
        Locale::It => Sentences {
            title: "IK Desk non può avviarsi",
            in_use: "IK Desk è già aperto con questi dati. Usa la finestra aperta (o la sua icona nell'area di notifica).",
            too_new: "I dati locali ({path}) sono stati scritti da una versione più recente di IK Desk. Installa quella versione, oppure sposta il file per ripartire da zero.",
            unwritable: "IK Desk non può scrivere i suoi dati in {path} ({reason}). Verifica che questa cartella sia scrivibile.",
            other: "Non è stato possibile aprire i dati locali: {reason}",
        },
        Locale::Es => Sentences {
            title: "IK Desk no puede iniciarse",
            in_use: "IK Desk ya está abierto con estos datos. Use la ventana abierta (o su icono en la bandeja del sistema).",
            too_new: "Los datos locales ({path}) fueron escritos por una versión más reciente de IK Desk. Instale esa versión o mueva el archivo para empezar de cero.",
            unwritable: "IK Desk no puede escribir sus datos en {path} ({reason}). Compruebe que se puede escribir en esta carpeta.",
            other: "No se han podido abrir los datos locales: {reason}",
        },
    }
}

/// The dialog's title and sentence for a store that could not be opened.
pub fn cannot_start(locale: Locale, error: &Error) -> (String, String) {
    let words = sentences(locale);
    let text = match error {
        Error::StoreInUse { .. } => words.in_use.to_owned(),
        Error::StoreTooNew { path, .. } => words.too_new.replace("{path}", path),
        Error::StoreFile { path, source } => words
            .unwritable
            .replace("{path}", path)
            .replace("{reason}", &source.to_string()),
        other => words.other.replace("{reason}", &other.to_string()),
    };
    (words.title.to_owned(), text)
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

    #[test]
    fn every_language_says_every_reason_with_its_placeholders() {
        for locale in [Locale::En, Locale::Fr, Locale::De, Locale::It, Locale::Es] {
            let w = sentences(locale);
            assert!(w.too_new.contains("{path}"), "{locale:?}");
            assert!(
                w.unwritable.contains("{path}") && w.unwritable.contains("{reason}"),
                "{locale:?}"
            );
            assert!(w.other.contains("{reason}"), "{locale:?}");
            assert!(
                !format!("{}{}{}", w.title, w.in_use, w.too_new).contains('\u{df}'),
                "{locale:?}"
            );
            if locale != Locale::En {
                assert_ne!(w.in_use, sentences(Locale::En).in_use, "{locale:?}");
            }
        }
    }
}
