import type { Dictionary } from "../types";

/** Textes de l'habillage commun (thème, tableaux, menus, palette, notifications), en français. */
export const chrome: Dictionary["chrome"] = {
  theme: {
    system: "Comme le système",
    light: "Clair",
    dark: "Sombre",
  },
  table: {
    sortedAscending: "tri croissant",
    sortedDescending: "tri décroissant",
    sortBy: "Trier par {column}",
    details: "Détails",
    showDetails: "Afficher les détails de {name}",
    hideDetails: "Masquer les détails de {name}",
    actions: "Actions",
    rowActions: "Actions pour {name}",
    selectRow: "Sélectionner {name}",
    selectAll: "Sélectionner les {count} lignes",
  },
  menu: {
    profiles: "Profils",
    active: "actif",
    settings: "Réglages",
  },
  palette: {
    keys: "↑ ↓ pour se déplacer · Entrée pour choisir · Échap pour fermer · {shortcut} l’ouvre depuis partout",
    open: "Palette de commandes",
    title: "Aller ou agir n'importe où",
    placeholder: "Une page, une organisation, une personne, une équipe ou un produit…",
    empty: "Aucun résultat.",
    pages: "Pages",
    organisations: "Organisations",
    people: "Personnes",
    teams: "Équipes",
    products: "Produits",
    actions: "Actions",
    invite: "Inviter quelqu'un",
    createTeam: "Créer une équipe",
    refresh: "Actualiser les données",
    refreshed: "Les données sont en cours d'actualisation.",
    toggleTheme: "Passer du clair au sombre",
  },
  dialog: {
    close: "Fermer",
  },
  toast: {
    teamCreated: "Équipe « {name} » créée.",
    region: "Notifications",
  },
};
