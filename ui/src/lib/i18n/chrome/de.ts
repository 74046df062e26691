import type { Dictionary } from "../types";

/** Texte der gemeinsamen Oberfläche (Design, Tabellen, Menüs, Befehlspalette, Meldungen), auf Deutsch. */
export const chrome: Dictionary["chrome"] = {
  theme: {
    system: "Wie das System",
    light: "Hell",
    dark: "Dunkel",
  },
  table: {
    sortedAscending: "aufsteigend sortiert",
    sortedDescending: "absteigend sortiert",
    sortBy: "Nach {column} sortieren",
    details: "Details",
    showDetails: "Details von {name} anzeigen",
    hideDetails: "Details von {name} ausblenden",
    actions: "Aktionen",
    rowActions: "Aktionen für {name}",
    selectRow: "{name} auswählen",
    selectAll: "Alle {count} Zeilen auswählen",
  },
  menu: {
    profiles: "Profile",
    active: "aktiv",
    settings: "Einstellungen",
  },
  palette: {
    keys: "↑ ↓ zum Bewegen · Eingabe zum Wählen · Esc zum Schliessen · {shortcut} öffnet dies überall",
    open: "Befehlspalette",
    title: "Überallhin gehen, alles erledigen",
    placeholder: "Eine Seite, Organisation, Person, ein Team oder Produkt…",
    empty: "Keine Treffer.",
    pages: "Seiten",
    organisations: "Organisationen",
    people: "Personen",
    teams: "Teams",
    products: "Produkte",
    actions: "Aktionen",
    invite: "Jemanden einladen",
    createTeam: "Ein Team erstellen",
    refresh: "Daten aktualisieren",
    refreshed: "Die Daten werden aktualisiert.",
    toggleTheme: "Zwischen hell und dunkel wechseln",
  },
  dialog: {
    close: "Schliessen",
  },
  toast: {
    teamCreated: "Team «{name}» erstellt.",
    region: "Meldungen",
  },
};
