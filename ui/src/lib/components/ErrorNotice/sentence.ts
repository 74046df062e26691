import type { IpcError } from "$lib/bindings";
import { t } from "$lib/i18n";

/** The sentence a person reads for an error: chosen by `code`, never by the message text. */
export function errorSentence(error: IpcError): string {
  switch (error.code) {
    case "MissingScope":
      return error.scope
        ? t("errors.MissingScope", { scope: error.scope })
        : t("errors.MissingScopeUnnamed");
    case "NotAllowed":
      return notAllowed(error);
    case "Validation":
      return error.field ? t("errors.ValidationField", { field: error.field }) : t("errors.Validation");
    default:
      return t(`errors.${error.code}`);
  }
}

const RULES = [
  "not_an_administrator",
  "only_legal_representative_appoints",
  "last_legal_representative",
  "unknown_person",
  "already_in_team",
  "not_in_team",
  "leader_not_member",
  "team_name_taken",
  "cannot_leave_account",
] as const;
type Rule = (typeof RULES)[number];

/** A refusal by the organisation's rules, checked before anything was sent. */
function notAllowed(error: IpcError): string {
  const rule = RULES.find((r): r is Rule => r === error.field);
  if (!rule) return t("errors.NotAllowed");
  if (rule === "already_in_team" || rule === "not_in_team" || rule === "team_name_taken") return t(`rules.${rule}`, { who: error.names.join(", ") });
  const [who, ...others] = error.names;
  const sentence = t(`rules.${rule}`, { who: who ?? "" });
  return others.length > 0 ? `${sentence} ${t("rules.candidates", { names: others.join(", ") })}` : sentence;
}
