/**
 * A cell's text that does not fit ends with an ellipsis; this makes the full text reachable: a
 * tooltip on hover (`title`) and, because hover is not for everyone, a tab stop that shows the
 * whole text while focused (see DataTable's styles). One observer serves every cell.
 */
let observer: ResizeObserver | null = null;

function mark(el: HTMLElement) {
  const truncated = el.scrollWidth > el.clientWidth + 1;
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

export function truncation(el: HTMLElement): () => void {
  if (typeof ResizeObserver === "undefined") return () => {};
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries) mark(entry.target as HTMLElement);
  });
  observer.observe(el);
  // A new text in a cell of the same width fires no resize: look again when a pointer arrives.
  const look = () => mark(el);
  el.addEventListener("pointerenter", look);
  return () => {
    observer?.unobserve(el);
    el.removeEventListener("pointerenter", look);
  };
}
