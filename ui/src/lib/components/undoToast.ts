import { toast } from "svelte-sonner";
import { t } from "$lib/i18n";
import { toIpcError } from "$lib/ipc/failure";
import { errorSentence } from "./ErrorNotice/sentence";

/**
 * Confirms a change Infomaniak has confirmed and offers to send its opposite. Callers reach here
 * only from a mutation's success, so a change whose answer was lost ("OutcomeUnknown") never
 * offers an undo, and `undo` must be the opposite change through the same audited command (never
 * the same change sent again). Longer than other toasts: the person needs time to reach the button.
 */
export function doneWithUndo(message: string, undo: () => Promise<unknown>) {
  toast.success(message, {
    duration: 10_000,
    action: {
      label: t("chrome.toast.undo"),
      onClick: () => {
        undo().then(
          () => toast.success(t("chrome.toast.undone")),
          // The panel shows the error too when it is open; a closed panel leaves only this.
          (error: unknown) => toast.error(t("chrome.toast.undoFailed"), { description: errorSentence(toIpcError(error)) }),
        );
      },
    },
  });
}
