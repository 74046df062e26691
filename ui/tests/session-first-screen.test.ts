import type { Result } from "$lib/ipc/failure";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type IpcError, type ProfileSummary } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import App from "../src/App.svelte";
import FirstScreen from "../src/pages/session/FirstScreen.svelte";
import { deferred, demoProfile, fail, ok, signedIn, signedOut, snapshot } from "./fixtures";
import { renderWithClient } from "./harness/render";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

const startDemo = vi.mocked(commands.startDemo);
let client: QueryClient;

beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  client = createQueryClient();
});
afterEach(() => client.clear());

function renderFirstScreen(demoAvailable = true) {
  return renderWithClient(client, FirstScreen, { demoAvailable, apiOverride: null });
}

describe("First screen", () => {
  it("starts the demo, shows progress, and on failure says why and stays usable", async () => {
    const answer = deferred<Result<ProfileSummary, IpcError>>();
    startDemo.mockReturnValueOnce(answer.promise);
    renderFirstScreen();

    const button = screen.getByTestId("try-demo");
    await fireEvent.click(button);

    expect(startDemo).toHaveBeenCalledOnce();
    expect(await screen.findByText("Starting the demo…")).toBeInTheDocument();
    expect(button).toBeDisabled();

    answer.resolve(fail({ code: "Network" }));

    expect(await screen.findByTestId("error-notice")).toHaveTextContent(/Nothing was lost/);
    expect(screen.queryByText("Starting the demo…")).not.toBeInTheDocument();
    expect(button).toBeEnabled();

    startDemo.mockResolvedValueOnce(ok(demoProfile));
    await fireEvent.click(button);
    expect(startDemo).toHaveBeenCalledTimes(2);
  });

  it("signs in with a pasted token, remembered in the keyring by default", async () => {
    vi.mocked(commands.signIn).mockResolvedValue(
      ok({ profile: { ...demoProfile, id: "user-1", demo: false }, organisations: [], missingScopes: [], remembered: true }),
    );
    renderFirstScreen();
    await fireEvent.input(screen.getByTestId("token-input"), { target: { value: "my-token" } });
    await fireEvent.click(screen.getByTestId("sign-in-submit"));
    await waitFor(() => expect(commands.signIn).toHaveBeenCalledWith("my-token", true));
  });

  it("keeps the token and says why when Infomaniak refuses it", async () => {
    vi.mocked(commands.signIn).mockResolvedValue(fail({ code: "AuthExpired" }));
    renderFirstScreen();
    const input = screen.getByTestId("token-input") as HTMLInputElement;
    await fireEvent.input(input, { target: { value: "revoked-token" } });
    await fireEvent.click(screen.getByTestId("sign-in-submit"));
    await screen.findByText(/does not accept this token/);
    expect(input.value).toBe("revoked-token");
    expect(input).toHaveAttribute("aria-invalid", "true");
  });

  it("offers a session-only sign-in when the keyring is unavailable", async () => {
    vi.mocked(commands.signIn).mockResolvedValueOnce(fail({ code: "KeyringUnavailable" }));
    renderFirstScreen();
    await fireEvent.input(screen.getByTestId("token-input"), { target: { value: "tok" } });
    await fireEvent.click(screen.getByTestId("sign-in-submit"));
    await fireEvent.click(await screen.findByTestId("session-only"));
    expect(commands.signIn).toHaveBeenLastCalledWith("tok", false);
  });

  it("opens the Manager's token page", async () => {
    renderFirstScreen();
    await fireEvent.click(screen.getByRole("button", { name: /Open the token page/ }));
    expect(commands.openManager).toHaveBeenCalledWith(
      "https://manager.infomaniak.com/v3/ng/profile/user/token/list",
    );
  });

  it("says so when the build has no demo", () => {
    renderFirstScreen(false);
    expect(screen.getByTestId("try-demo")).toBeDisabled();
    expect(screen.getByText("The demo is not included in this build.")).toBeInTheDocument();
  });

  it("opens the app once the demo has started", async () => {
    vi.mocked(commands.session).mockResolvedValueOnce(ok(signedOut)).mockResolvedValue(ok(signedIn));
    vi.mocked(commands.me).mockResolvedValue(fail({ code: "Network" }));
    vi.mocked(commands.organisations).mockResolvedValue(ok(snapshot([])));
    startDemo.mockResolvedValueOnce(ok(demoProfile));
    render(App, { props: { client } });

    await fireEvent.click(await screen.findByTestId("try-demo"));

    const person = await screen.findByTestId("signed-in-as");
    expect(person).toHaveTextContent("Camille Martin");
    expect(person).toHaveTextContent("camille.martin@example.ch");
    await waitFor(() => expect(commands.organisations).toHaveBeenCalledWith("demo"));
  });

  it("says once that a damaged data file was set aside, and where", async () => {
    const path = "/home/camille/.local/share/ik-desk/ik-desk.sqlite3.damaged-2026-11-30-42";
    vi.mocked(commands.session).mockResolvedValue(ok({ ...signedOut, storeSetAside: path }));
    render(App, { props: { client } });

    const notice = await screen.findByTestId("store-set-aside");
    expect(notice).toHaveTextContent(path);
    expect(notice).toHaveTextContent("started afresh");
    expect(await screen.findByTestId("try-demo")).toBeInTheDocument();
    await fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByTestId("store-set-aside")).not.toBeInTheDocument();
  });
});
