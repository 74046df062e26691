import "@testing-library/jest-dom/vitest";

// jsdom lays nothing out: a ResizeObserver that never reports (widths stay 0, so tables show every
// column), and scrolling into view that does nothing (bits-ui's menus and palette call it).
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
Element.prototype.scrollIntoView ??= function () {};
// No media queries in jsdom: the system is light and nothing changes (svelte-sonner asks).
window.matchMedia ??= (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener() {},
    removeEventListener() {},
    addListener() {},
    removeListener() {},
    dispatchEvent: () => false,
  }) as MediaQueryList;

// The app fetches a language's texts before showing it; the tests switch language at once.
// Only the dictionaries: a module that reaches `$lib/bindings` here would escape the tests' mocks.
const { loadDictionary } = await import("$lib/i18n/dictionaries");
await Promise.all((["fr", "de", "it", "es"] as const).map((locale) => loadDictionary(locale)));
