//! The words a person may write in an invitation file, in English and in the Manager's five
//! languages: column headers and the values of the role, language and billing columns. Matching
//! ignores case, accents, dashes and surrounding spaces, as people type them differently.

use crate::users::Role;

/// The columns of an invitation file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Column {
    Email,
    FirstName,
    LastName,
    Role,
    Language,
    Teams,
    Billing,
}

const HEADERS: &[(Column, &[&str])] = &[
    (
        Column::Email,
        &[
            "email",
            "e mail",
            "email address",
            "e mail address",
            "adresse e mail",
            "courriel",
            "e mail adresse",
            "indirizzo e mail",
            "correo",
            "correo electronico",
        ],
    ),
    (
        Column::FirstName,
        &[
            "first name",
            "firstname",
            "given name",
            "prenom",
            "vorname",
            "nome",
            "nombre",
        ],
    ),
    (
        Column::LastName,
        &[
            "last name",
            "lastname",
            "surname",
            "family name",
            "nom",
            "nom de famille",
            "nachname",
            "cognome",
            "apellido",
            "apellidos",
        ],
    ),
    (Column::Role, &["role", "rolle", "ruolo", "rol"]),
    (
        Column::Language,
        &["language", "langue", "sprache", "lingua", "idioma"],
    ),
    (
        Column::Teams,
        &[
            "teams",
            "team",
            "equipes",
            "equipe",
            "equipos",
            "equipo",
            "work teams",
        ],
    ),
    (
        Column::Billing,
        &[
            "billing",
            "billing right",
            "billing access",
            "invoices",
            "facturation",
            "droit de facturation",
            "acces a la facturation",
            "rechnungen",
            "abrechnung",
            "zugriff auf rechnungen",
            "fatturazione",
            "accesso alla fatturazione",
            "facturacion",
            "acceso a la facturacion",
        ],
    ),
];

const ROLES: &[(Role, &[&str])] = &[
    (
        Role::Administrator,
        &[
            "admin",
            "administrator",
            "administrateur",
            "administratrice",
            "administratorin",
            "amministratore",
            "amministratrice",
            "administrador",
            "administradora",
        ],
    ),
    (
        Role::Collaborator,
        &[
            "normal",
            "collaborator",
            "user",
            "collaborateur",
            "collaboratrice",
            "utilisateur",
            "mitarbeiter",
            "mitarbeiterin",
            "benutzer",
            "collaboratore",
            "utente",
            "colaborador",
            "colaboradora",
            "usuario",
        ],
    ),
    (
        Role::LegalRepresentative,
        &[
            "owner",
            "legal representative",
            "representant legal",
            "representante legal",
            "rechtlicher vertreter",
            "gesetzlicher vertreter",
            "rappresentante legale",
        ],
    ),
];

const LANGUAGES: &[(&str, &[&str])] = &[
    (
        "de_DE",
        &[
            "de", "de_de", "de de", "de_ch", "de ch", "deutsch", "german", "allemand", "tedesco",
            "aleman",
        ],
    ),
    (
        "en_GB",
        &[
            "en", "en_gb", "en gb", "en_us", "en us", "english", "anglais", "englisch", "inglese",
            "ingles",
        ],
    ),
    (
        "es_ES",
        &[
            "es", "es_es", "es es", "espanol", "spanish", "espagnol", "spanisch", "spagnolo",
        ],
    ),
    (
        "fr_FR",
        &[
            "fr",
            "fr_fr",
            "fr fr",
            "fr_ch",
            "fr ch",
            "francais",
            "french",
            "franzosisch",
            "francese",
            "frances",
        ],
    ),
    (
        "it_IT",
        &[
            "it",
            "it_it",
            "it it",
            "it_ch",
            "it ch",
            "italiano",
            "italian",
            "italien",
            "italienisch",
        ],
    ),
];

const YES: &[&str] = &[
    "yes",
    "y",
    "true",
    "1",
    "x",
    "oui",
    "ja",
    "si",
    "vrai",
    "wahr",
    "vero",
    "verdadero",
];
const NO: &[&str] = &[
    "no", "n", "false", "0", "non", "nein", "faux", "falsch", "falso",
];

/// Lower case without accents, dashes or repeated spaces: `E-Mail ` and `e mail` meet.
pub(super) fn fold(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.trim().chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            '-' | '.' | '\u{a0}' => ' ',
            c => c,
        };
        if plain == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(plain);
    }
    out.trim_end().to_owned()
}

fn find<T: Copy>(table: &[(T, &[&str])], raw: &str) -> Option<T> {
    let folded = fold(raw);
    table
        .iter()
        .find(|(_, words)| words.contains(&folded.as_str()))
        .map(|(value, _)| *value)
}

pub(super) fn column(header: &str) -> Option<Column> {
    find(HEADERS, header)
}

pub(super) fn role(raw: &str) -> Option<Role> {
    find(ROLES, raw)
}

/// The Manager's locale (`fr_FR`…) for a language as written.
pub(super) fn locale(raw: &str) -> Option<&'static str> {
    // `fold` turns `_` into nothing special, so both `fr_FR` and `fr-FR` meet here.
    let folded = fold(&raw.replace('_', " "));
    LANGUAGES
        .iter()
        .find(|(_, words)| words.iter().any(|w| w.replace('_', " ") == folded))
        .map(|(code, _)| *code)
}

/// `Some(true)` for yes, `Some(false)` for no or nothing written, `None` for anything else.
pub(super) fn yes_no(raw: &str) -> Option<bool> {
    let folded = fold(raw);
    if folded.is_empty() || NO.contains(&folded.as_str()) {
        Some(false)
    } else if YES.contains(&folded.as_str()) {
        Some(true)
    } else {
        None
    }
}
