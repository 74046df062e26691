import { mutationOptions, queryOptions, type QueryClient } from "@tanstack/svelte-query";
import { commands, type ProfileId, type ProfileSummary, type SessionView, type SignInOutcome } from "$lib/bindings";
import { unwrap } from "$lib/ipc/failure";
import { refreshWhileUpdating } from "./freshness";
import { markStartup } from "$lib/startup";

export const sessionKey = ["session"] as const;
export const meKey = (profileId: ProfileId) => ["me", profileId] as const;

export function sessionQuery() {
  return queryOptions({
    queryKey: sessionKey,
    queryFn: async () => {
      const session = unwrap(await commands.session());
      markStartup("session");
      return session;
    },
  });
}

export function meQuery(profileId: ProfileId) {
  return queryOptions({
    queryKey: meKey(profileId),
    queryFn: async () => unwrap(await commands.me(profileId)),
    refetchInterval: refreshWhileUpdating,
  });
}

export function startDemoMutation(client: QueryClient) {
  return mutationOptions({
    mutationKey: ["start-demo"],
    mutationFn: async (): Promise<ProfileSummary> => unwrap(await commands.startDemo()),
    // Returning the promise keeps the mutation pending until the session shows the new profile,
    // so the progress indicator does not flicker back to the first screen.
    onSuccess: () => client.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function activeProfileOf(session: SessionView): ProfileSummary | null {
  if (session.activeProfile === null) return null;
  return session.profiles.find((p) => p.id === session.activeProfile) ?? null;
}

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
