//! Name pools for plausible Swiss people and organisations.

pub(crate) const FIRST_NAMES: [&str; 40] = [
    "Léa", "Luca", "Noémie", "Matthias", "Chloé", "Nicolas", "Sarah", "Julien", "Elena", "Marco",
    "Anna", "David", "Laura", "Simon", "Céline", "Fabio", "Nina", "Yves", "Aurélie", "Patrick",
    "Mélanie", "Reto", "Sandra", "Urs", "Martina", "Olivier", "Lara", "Pascal", "Giulia", "Stefan",
    "Jérôme", "Manon", "Loïc", "Sophie", "Thierry", "Valérie", "Andrea", "Corinne", "Lukas", "Zoé",
];

pub(crate) const LAST_NAMES: [&str; 40] = [
    "Favre",
    "Jaquet",
    "Müller",
    "Meier",
    "Schmid",
    "Keller",
    "Weber",
    "Huber",
    "Bonvin",
    "Perret",
    "Monnier",
    "Dubois",
    "Rossi",
    "Bianchi",
    "Fontana",
    "Gerber",
    "Brunner",
    "Baumann",
    "Zürcher",
    "Pittet",
    "Vuilleumier",
    "Chappuis",
    "Berset",
    "Ducret",
    "Girard",
    "Maillard",
    "Clerc",
    "Rey",
    "Sauthier",
    "Moser",
    "Frei",
    "Gasser",
    "Roth",
    "Fischer",
    "Bovet",
    "Cuendet",
    "Jeanneret",
    "Rochat",
    "Tschopp",
    "Python",
];

pub(crate) const PERSONAL_DOMAINS: [&str; 4] = ["bluewin.ch", "gmx.ch", "sunrise.ch", "hispeed.ch"];

pub(crate) const TEAM_NAMES: [&str; 12] = [
    "Direction",
    "Comptabilité",
    "Atelier",
    "Communication",
    "Support",
    "Vente",
    "Informatique",
    "Bénévoles",
    "Production",
    "Logistique",
    "Marketing",
    "Ressources humaines",
];

pub(crate) const TRADES: [&str; 12] = [
    "Boulangerie",
    "Garage",
    "Cabinet",
    "Atelier",
    "Fiduciaire",
    "Menuiserie",
    "Pharmacie",
    "Agence",
    "Studio",
    "Librairie",
    "Imprimerie",
    "Cave",
];

pub(crate) const LEGAL_SUFFIXES: [&str; 4] = ["Sàrl", "SA", "& Cie", "Sàrl"];

pub(crate) const CITIES: [(&str, &str); 8] = [
    ("1003", "Lausanne"),
    ("1201", "Genève"),
    ("2000", "Neuchâtel"),
    ("1700", "Fribourg"),
    ("1950", "Sion"),
    ("1800", "Vevey"),
    ("2300", "La Chaux-de-Fonds"),
    ("1400", "Yverdon-les-Bains"),
];

pub(crate) const STREETS: [&str; 6] = [
    "Rue du Lac",
    "Avenue de la Gare",
    "Chemin des Vignes",
    "Rue du Marché",
    "Route de Berne",
    "Place de la Palud",
];

/// Lower-case ASCII for e-mail addresses and domain names: accents dropped, spaces to dashes.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            ' ' | '\'' | '&' => '-',
            c if c.is_ascii_alphanumeric() || c == '.' || c == '-' => c,
            _ => continue,
        };
        if plain == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push(plain);
    }
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_are_plain_ascii() {
        assert_eq!(slug("Zürcher"), "zurcher");
        assert_eq!(slug("Rochat & Fils"), "rochat-fils");
        assert_eq!(slug("Léa"), "lea");
    }
}
