import type { Dictionary } from "../types";

/** Testi dell'interfaccia comune (tema, tabelle, menu, palette, notifiche), in italiano. */
export const chrome: Dictionary["chrome"] = {
  theme: {
    system: "Come il sistema",
    light: "Chiaro",
    dark: "Scuro",
  },
  table: {
    sortedAscending: "ordine crescente",
    sortedDescending: "ordine decrescente",
    sortBy: "Ordina per {column}",
    details: "Dettagli",
    showDetails: "Mostra i dettagli di {name}",
    hideDetails: "Nascondi i dettagli di {name}",
    actions: "Azioni",
    rowActions: "Azioni per {name}",
    selectRow: "Seleziona {name}",
    selectAll: "Seleziona tutte le {count} righe",
  },
  menu: {
    profiles: "Profili",
    active: "attivo",
    settings: "Impostazioni",
  },
  palette: {
    keys: "↑ ↓ per spostarsi · Invio per scegliere · Esc per chiudere · {shortcut} la apre ovunque",
    open: "Palette dei comandi",
    title: "Vai ovunque, fai tutto",
    placeholder: "Una pagina, un'organizzazione, una persona, un team o un prodotto…",
    empty: "Nessun risultato.",
    pages: "Pagine",
    organisations: "Organizzazioni",
    people: "Persone",
    teams: "Team",
    products: "Prodotti",
    actions: "Azioni",
    invite: "Invita qualcuno",
    createTeam: "Crea un team",
    refresh: "Aggiorna i dati",
    refreshed: "I dati sono in aggiornamento.",
    toggleTheme: "Passa da chiaro a scuro",
  },
  dialog: {
    close: "Chiudi",
  },
  toast: {
    teamCreated: "Team «{name}» creato.",
    region: "Notifiche",
  },
};
