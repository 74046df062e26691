import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { QueryClient } from "@tanstack/svelte-query";
import { commands } from "$lib/bindings";
import { createQueryClient } from "$lib/queries/client";
import { prefetchFirstScreen } from "$lib/queries/firstScreen";
import { organisationsKey } from "$lib/queries/organisations";
import { sessionKey } from "$lib/queries/session.svelte";
import { fail, ok, organisation, signedIn, signedOut, snapshot } from "./fixtures";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

const session = vi.mocked(commands.session);
const organisations = vi.mocked(commands.organisations);
let client: QueryClient;

beforeEach(() => {
  vi.clearAllMocks();
  client = createQueryClient();
});
afterEach(() => {
  vi.useRealTimers();
  client.clear();
});

describe("the first screen's data, asked for while the window starts", () => {
  it("is in the cache before the shell mounts: the session and the active profile's organisations", async () => {
    session.mockResolvedValue(ok(signedIn));
    organisations.mockResolvedValue(ok(snapshot([organisation()])));

    await prefetchFirstScreen(client, "organisations");

    expect(client.getQueryData(sessionKey)).toEqual(signedIn);
    expect(client.getQueryData(organisationsKey("demo"))).toEqual(snapshot([organisation()]));
    expect(organisations).toHaveBeenCalledWith("demo");
  });

  it("asks for no organisations when no one is signed in, or when another page opens first", async () => {
    session.mockResolvedValue(ok(signedOut));
    await prefetchFirstScreen(client, "organisations");
    session.mockResolvedValue(ok(signedIn));
    client.clear();
    await prefetchFirstScreen(client, "users");

    expect(organisations).not.toHaveBeenCalled();
    expect(client.getQueryData(sessionKey)).toEqual(signedIn);
  });

  it("never holds the window longer than its wait, and the answer still lands in the cache after", async () => {
    vi.useFakeTimers();
    session.mockResolvedValue(ok(signedIn));
    let answer!: (value: Awaited<ReturnType<typeof commands.organisations>>) => void;
    organisations.mockReturnValue(new Promise((resolve) => (answer = resolve)));

    let done = false;
    const waiting = prefetchFirstScreen(client, "organisations", 300).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(299);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(client.getQueryData(organisationsKey("demo"))).toBeUndefined();

    answer(ok(snapshot([organisation()])));
    await vi.waitFor(() => expect(client.getQueryData(organisationsKey("demo"))).toEqual(snapshot([organisation()])));
  });

  it("does not fail the start when the session cannot be read: the error stays for the page to show", async () => {
    session.mockResolvedValue(fail({ code: "KeyringUnavailable", message: "the keyring is locked" }));

    await expect(prefetchFirstScreen(client, "organisations")).resolves.toBeUndefined();
    expect(client.getQueryState(sessionKey)?.status).toBe("error");
    expect(organisations).not.toHaveBeenCalled();
  });
});

describe("the start-up marks make bench reads", () => {
  it("are set once each, however often their step runs again (a refetch, a remount)", async () => {
    const { markStartup } = await import("$lib/startup");
    performance.clearMarks();
    markStartup("organisations");
    markStartup("organisations");
    markStartup("session");
    expect(performance.getEntriesByName("startup:organisations")).toHaveLength(1);
    expect(performance.getEntriesByType("mark").map((m) => m.name)).toEqual(["startup:organisations", "startup:session"]);
  });
});
