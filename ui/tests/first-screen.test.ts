import type { Result } from "$lib/ipc/failure";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type IpcError, type ProfileSummary } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import App from "../src/App.svelte";
import FirstScreen from "../src/pages/FirstScreen.svelte";
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
  return renderWithClient(client, FirstScreen, { demoAvailable });
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

  it("offers token sign-in honestly: disabled, with the Manager's token page", async () => {
    renderFirstScreen();

    expect(screen.getByRole("button", { name: "Sign in with an API token" })).toBeDisabled();
    expect(screen.getByText(/comes in the next version/)).toBeInTheDocument();
    await fireEvent.click(screen.getByRole("button", { name: /Create a token in the Manager/ }));
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
});
