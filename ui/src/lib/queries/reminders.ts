import { mutationOptions, queryOptions, type QueryClient } from "@tanstack/svelte-query";
import { commands, type ReminderChoices } from "$lib/bindings";
import { unwrap } from "$lib/ipc/failure";

// Reminder settings belong to the computer, not to a profile: one key for all.
export const reminderSettingsKey = ["reminder-settings"] as const;

export function reminderSettingsQuery() {
  return queryOptions({
    queryKey: reminderSettingsKey,
    queryFn: async () => unwrap(await commands.reminderSettings()),
  });
}

/** Saves the choices; the cache then holds them as the core kept them (sorted, each once). */
export function saveReminderSettingsMutation(client: QueryClient) {
  return mutationOptions({
    mutationKey: ["set-reminder-settings"],
    mutationFn: async (choices: ReminderChoices): Promise<ReminderChoices> =>
      unwrap(await commands.setReminderSettings(choices)),
    onSuccess: (kept) => client.setQueryData(reminderSettingsKey, kept),
  });
}

/** Mutes or unmutes one product's reminders, keeping every other choice as saved. */
export async function setProductMuted(client: QueryClient, productId: number, muted: boolean): Promise<void> {
  const saved = await client.fetchQuery(reminderSettingsQuery());
  const others = (saved.mutedProducts ?? []).filter((id) => id !== productId);
  const choices: ReminderChoices = { ...saved, mutedProducts: muted ? [...others, productId] : others };
  client.setQueryData(reminderSettingsKey, unwrap(await commands.setReminderSettings(choices)));
}
