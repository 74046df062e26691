/**
 * A side panel closes on Escape pressed anywhere inside it, as dialogs do; a control that used the
 * key itself (an open menu, a drop-down) marks it handled and keeps the panel open.
 */
export function closeOnEscape(onclose: () => void) {
  return (panel: HTMLElement) => {
    const onkeydown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      event.preventDefault();
      onclose();
    };
    panel.addEventListener("keydown", onkeydown);
    return () => panel.removeEventListener("keydown", onkeydown);
  };
}
