/**
 * A cell's text that does not fit ends with an ellipsis; this makes the full text reachable: a
 * tooltip on hover (`title`) and, because hover is not for everyone, a tab stop that shows the
 * whole text while focused (see DataTable's styles). One observer serves every cell.
 */
let observer: ResizeObserver | null = null;

const overflows = (el: HTMLElement) => el.scrollWidth > el.clientWidth + 1;

function apply(el: HTMLElement, truncated: boolean) {
  if (truncated) {
    el.title = el.textContent?.trim() ?? "";
    el.tabIndex = 0;
    el.dataset.truncated = "";
  } else if (el.dataset.truncated !== undefined) {
    el.removeAttribute("title");
    el.removeAttribute("tabindex");
    delete el.dataset.truncated;
  }
}

const mark = (el: HTMLElement) => apply(el, overflows(el));

function shared(): ResizeObserver {
  observer ??= new ResizeObserver((entries) => {
    // Every width read first, then every change: a change between two reads would make the browser
    // lay the page out again for the next one (once per cell of every new row).
    const cells = entries.map((entry) => entry.target as HTMLElement);
    const truncated = cells.map(overflows);
    cells.forEach((el, i) => apply(el, truncated[i] === true));
  });
  return observer;
}

/**
 * Watches every one-line cell (`.ellipsis`) of a table row, its cell snippets' included, with one
 * attachment and one pointer listener per row rather than per cell: a keystroke in a search box
 * builds every painted row anew, and three effects and a listener per cell were a third of it.
 */
export function truncatedCells(row: HTMLElement): () => void {
  if (typeof ResizeObserver === "undefined") return () => {};
  const cells = Array.from(row.querySelectorAll<HTMLElement>(".ellipsis"));
  const o = shared();
  for (const el of cells) o.observe(el);
  // A new text in a cell of the same width fires no resize: look again when a pointer arrives.
  const look = (event: PointerEvent) => {
    const el = event.target instanceof Element ? event.target.closest<HTMLElement>(".ellipsis") : null;
    if (el && row.contains(el)) mark(el);
  };
  row.addEventListener("pointerover", look);
  return () => {
    for (const el of cells) o.unobserve(el);
    row.removeEventListener("pointerover", look);
  };
}
