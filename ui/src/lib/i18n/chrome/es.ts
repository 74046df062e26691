import type { Dictionary } from "../types";

/** Textos de la interfaz común (tema, tablas, menús, paleta, avisos), en español. */
export const chrome: Dictionary["chrome"] = {
  theme: {
    system: "Igual que el sistema",
    light: "Claro",
    dark: "Oscuro",
  },
  table: {
    sortedAscending: "orden ascendente",
    sortedDescending: "orden descendente",
    sortBy: "Ordenar por {column}",
    details: "Detalles",
    showDetails: "Mostrar los detalles de {name}",
    hideDetails: "Ocultar los detalles de {name}",
    actions: "Acciones",
    rowActions: "Acciones para {name}",
    selectRow: "Seleccionar {name}",
    selectAll: "Seleccionar las {count} filas",
  },
  menu: {
    profiles: "Perfiles",
    active: "activo",
    settings: "Ajustes",
  },
  palette: {
    keys: "↑ ↓ para moverse · Intro para elegir · Esc para cerrar · {shortcut} la abre desde cualquier sitio",
    open: "Paleta de comandos",
    title: "Ir a cualquier sitio, hacer cualquier cosa",
    placeholder: "Una página, organización, persona, equipo o producto…",
    empty: "Nada coincide.",
    pages: "Páginas",
    organisations: "Organizaciones",
    people: "Personas",
    teams: "Equipos",
    products: "Productos",
    actions: "Acciones",
    invite: "Invitar a alguien",
    createTeam: "Crear un equipo",
    refresh: "Actualizar los datos",
    refreshed: "Los datos se están actualizando.",
    toggleTheme: "Cambiar entre claro y oscuro",
  },
  dialog: {
    close: "Cerrar",
  },
  toast: {
    teamCreated: "Equipo «{name}» creado.",
    region: "Avisos",
  },
};
