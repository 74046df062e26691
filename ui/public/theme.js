// Runs before the first paint (an external script, as the CSP allows no inline one): applies the
// theme chosen in Settings so that a dark-mode user never sees a white flash (see lib/theme), and
// says whether the window runs on Linux, whose font the type tokens pick (styles/tokens.css).
if (/Linux|X11/.test(navigator.userAgent) && !/Android/.test(navigator.userAgent)) {
  document.documentElement.dataset.os = "linux";
}
try {
  const choice = window.localStorage.getItem("ik-desk.theme");
  if (choice === "light" || choice === "dark") document.documentElement.dataset.theme = choice;
} catch {
  // No storage (a private browser window): the system's theme applies.
}
