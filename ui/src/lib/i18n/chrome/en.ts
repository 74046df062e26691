/** Texts of the app's shared chrome (theme, tables, menus, palette, toasts), in English (the reference). */
export const chrome = {
  theme: {
    system: "Same as the system",
    light: "Light",
    dark: "Dark",
  },
  table: {
    sortedAscending: "sorted ascending",
    sortedDescending: "sorted descending",
    sortBy: "Sort by {column}",
    details: "Details",
    showDetails: "Show the details of {name}",
    hideDetails: "Hide the details of {name}",
    actions: "Actions",
    rowActions: "Actions for {name}",
    selectRow: "Select {name}",
    selectAll: "Select all {count} rows",
  },
  menu: {
    profiles: "Profiles",
    active: "active",
    settings: "Settings",
  },
  palette: {
    open: "Command palette",
    title: "Go to or do anything",
    placeholder: "A page, organisation, person, team or product…",
    empty: "Nothing matches.",
    pages: "Pages",
    organisations: "Organisations",
    people: "People",
    teams: "Teams",
    products: "Products",
    actions: "Actions",
    invite: "Invite someone",
    createTeam: "Create a team",
    refresh: "Refresh the data",
    refreshed: "The data is being refreshed.",
    toggleTheme: "Switch between light and dark",
  },
  dialog: {
    close: "Close",
  },
  toast: {
    teamCreated: "Team “{name}” created.",
    region: "Notifications",
  },
} as const;
