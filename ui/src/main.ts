import { mount } from "svelte";
import App from "./App.svelte";
import { createQueryClient } from "$lib/queries/client";
import { listenForDataChanges } from "$lib/queries/events";
import { announceLocale } from "$lib/i18n/announce";
import { getLocale } from "$lib/i18n";
import { adoptSystemLanguage } from "$lib/i18n/locale.svelte";
import { loadSystemLocale } from "$lib/i18n/system.svelte";
import { listenForNavigation } from "$lib/router/fromCore";
import "./app.css";

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
export default loadSystemLocale().then(async () => {
  await adoptSystemLanguage();
  announceLocale(getLocale());
  return mount(App, { target, props: { client } });
});
