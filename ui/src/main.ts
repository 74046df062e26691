import { mount } from "svelte";
import App from "./App.svelte";
import { createQueryClient } from "$lib/queries/client";
import { listenForDataChanges } from "$lib/queries/events";
import { announceLocale } from "$lib/i18n/announce";
import { getLocale } from "$lib/i18n";
import { adoptSystemLanguage } from "$lib/i18n/locale.svelte";
import { loadSystemLocale } from "$lib/i18n/system.svelte";
import { listenForNavigation } from "$lib/router/fromCore";
import { currentSection } from "$lib/router/router.svelte";
import { prefetchFirstScreen } from "$lib/queries/firstScreen";
import "./app.css";
import { markStartup } from "$lib/startup";

markStartup("script");

const client = createQueryClient();

// Outside the Tauri window (a plain browser on the dev server) there is no event bus; the app
// still renders and the error states say what failed.
listenForDataChanges(client).catch((error: unknown) => {
  console.warn("data-changed events are not available", error);
});

listenForNavigation(client).catch((error: unknown) => {
  console.warn("navigation from notifications is not available", error);
});

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");

// The system's locale decides the first language and the formats: asked before the first paint,
// so that no page shows in English and then switches. The language is announced either way.
// The first screen's data is asked for meanwhile, so that its first frame shows it.
const language = loadSystemLocale()
  .then(adoptSystemLanguage)
  .then(() => markStartup("locale"));
export default Promise.all([language, prefetchFirstScreen(client, currentSection())]).then(() => {
  announceLocale(getLocale());
  const app = mount(App, { target, props: { client } });
  markStartup("mounted");
  return app;
});
