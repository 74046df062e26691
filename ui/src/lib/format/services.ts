import { t } from "$lib/i18n";

const KNOWN_SERVICES = [
  "domain",
  "hosting",
  "email_hosting",
  "drive",
  "ksuite",
  "certificate",
  "public_cloud",
  "swiss_backup",
] as const;

/** A service's name in words; one this version does not know is shown as the API sent it. */
export function serviceName(service: string): string {
  const known = KNOWN_SERVICES.find((s) => s === service);
  return known ? t(`products.services.${known}`) : service;
}
