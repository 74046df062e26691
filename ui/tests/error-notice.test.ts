import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ErrorCode, IpcError } from "$lib/bindings";
import { commands } from "$lib/bindings";
import ErrorNotice from "$lib/components/ErrorNotice/ErrorNotice.svelte";
import { setLocale } from "$lib/i18n";
import { IpcFailure } from "$lib/ipc/failure";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

const failure = (code: ErrorCode, extra: Partial<IpcError> = {}) =>
  new IpcFailure({ code, message: "raw text", field: null, scope: null, managerUrl: null, names: [], ...extra });

// A phrase of each sentence that carries its meaning; the message text is never what decides it.
const EXPECTED: Record<ErrorCode, RegExp> = {
  AuthExpired: /sign in again/,
  MissingScope: /lacks a permission/,
  RateLimited: /as soon as the budget allows/,
  NotFound: /no longer exists/,
  Validation: /refused some of the information/,
  NotAllowed: /rules do not allow this/,
  Network: /connection to Infomaniak failed\. Nothing was lost/,
  KeyringUnavailable: /keyring is not available/,
  NotSupportedByApi: /public API does not offer this yet/,
  ServerError: /servers answered with an error/,
  BadResponse: /could not read/,
  OutcomeUnknown: /may have applied this change.*Nothing will be sent again/,
  NothingChanged: /reading it back shows nothing changed/,
  Unknown: /Something unexpected went wrong/,
};

beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
});

describe("ErrorNotice", () => {
  it.each(Object.entries(EXPECTED) as [ErrorCode, RegExp][])("%s gives its own sentence", (code, sentence) => {
    render(ErrorNotice, { error: failure(code) });
    const notice = screen.getByTestId("error-notice");
    expect(notice).toHaveAttribute("data-code", code);
    expect(notice.querySelector(".sentence")).toHaveTextContent(sentence);
  });

  it("names the missing scope", () => {
    render(ErrorNotice, { error: failure("MissingScope", { scope: "accounts" }) });
    expect(screen.getByRole("alert")).toHaveTextContent("lacks the “accounts” permission");
  });

  it("names the refused field", () => {
    render(ErrorNotice, { error: failure("Validation", { field: "email" }) });
    expect(screen.getByRole("alert")).toHaveTextContent("refused the value of “email”");
  });

  it("offers the Manager hand-off when the error carries its page", async () => {
    const url = "https://manager.infomaniak.com/v3/ng/profile/user/token/list";
    render(ErrorNotice, { error: failure("MissingScope", { scope: "accounts", managerUrl: url }) });

    await fireEvent.click(screen.getByRole("button", { name: /Open in the Infomaniak Manager/ }));

    expect(commands.openManager).toHaveBeenCalledWith(url);
  });

  it("offers no hand-off without a page, and Try again only with a retry", async () => {
    const onretry = vi.fn();
    render(ErrorNotice, { error: failure("Network"), onretry });

    expect(screen.queryByTestId("handoff")).not.toBeInTheDocument();
    await fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(onretry).toHaveBeenCalledOnce();
  });

  it("treats anything that is not an IPC failure as Unknown and keeps its text as details", () => {
    render(ErrorNotice, { error: new TypeError("window.__TAURI_INTERNALS__ is undefined") });
    expect(screen.getByTestId("error-notice")).toHaveAttribute("data-code", "Unknown");
    expect(screen.getByText("window.__TAURI_INTERNALS__ is undefined")).toBeInTheDocument();
  });

  it("speaks the current language", () => {
    setLocale("fr");
    render(ErrorNotice, { error: failure("RateLimited") });
    expect(screen.getByRole("alert")).toHaveTextContent("dès que le quota le permettra");
  });
});

describe("ErrorNotice for the organisation's rules", () => {
  beforeEach(() => setLocale("en"));

  it("names the last legal representative and who else could be appointed", () => {
    const refusal = failure("NotAllowed", { field: "last_legal_representative", names: ["Camille Rochat", "Noah Meier"] });
    render(ErrorNotice, { props: { error: refusal } });
    expect(screen.getByText(/Camille Rochat is the organisation's last legal representative/)).toBeInTheDocument();
    expect(screen.getByText(/For example: Noah Meier/)).toBeInTheDocument();
  });
});

