/**
 * An attachment that reports an element's `clientWidth` each time its size changes, from a
 * ResizeObserver only. Svelte's `bind:clientWidth` also reads the width at once, in the effect
 * that sets it up: on a page being built that read forces the style and layout of the whole new
 * page in the middle of building it (150 ms of the shell's first start, measured by `make bench`),
 * before the first frame would have done that work anyway. The observer reports the first width
 * after that layout and before that frame is drawn, so the table still never shows at a wrong width.
 */
export function reportWidth(onwidth: (width: number) => void) {
  return (el: HTMLElement): (() => void) => {
    if (typeof ResizeObserver === "undefined") return () => {};
    const observer = new ResizeObserver(() => onwidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  };
}
