import { mutationOptions, type QueryClient } from "@tanstack/svelte-query";
import { commands, type ProfileId, type SignInOutcome } from "$lib/bindings";
import { unwrap } from "$lib/ipc/failure";
import { sessionKey } from "./session";

export type SignInInput = { token: string; remember: boolean };

/** The last sign-in's findings, so the shell can say which scopes the token lacks. */
export const lastSignIn = $state<{ outcome: SignInOutcome | null }>({ outcome: null });

export function signInMutation(client: QueryClient) {
  return mutationOptions({
    mutationKey: ["sign-in"],
    mutationFn: async ({ token, remember }: SignInInput) => unwrap(await commands.signIn(token, remember)),
    onSuccess: async (outcome) => {
      lastSignIn.outcome = outcome;
      await client.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

function sessionChange(client: QueryClient, run: (id: ProfileId) => Promise<unknown>) {
  return mutationOptions({
    mutationFn: run,
    onSettled: () => client.invalidateQueries({ queryKey: sessionKey }),
  });
}

export const switchProfileMutation = (client: QueryClient) =>
  sessionChange(client, async (id) => unwrap(await commands.switchProfile(id)));
export const signOutMutation = (client: QueryClient) =>
  sessionChange(client, async (id) => unwrap(await commands.signOut(id)));
export const forgetProfileMutation = (client: QueryClient) =>
  sessionChange(client, async (id) => unwrap(await commands.forgetProfile(id)));
