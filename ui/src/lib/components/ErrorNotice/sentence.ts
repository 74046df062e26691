import type { IpcError } from "$lib/bindings";
import { t } from "$lib/i18n";

/** The sentence a person reads for an error: chosen by `code`, never by the message text. */
export function errorSentence(error: IpcError): string {
  switch (error.code) {
    case "MissingScope":
      return error.scope
        ? t("errors.MissingScope", { scope: error.scope })
        : t("errors.MissingScopeUnnamed");
    case "Validation":
      return error.field ? t("errors.ValidationField", { field: error.field }) : t("errors.Validation");
    default:
      return t(`errors.${error.code}`);
  }
}
