import { describe, expect, it } from "vitest";
import { setLocale } from "$lib/i18n";
import { lastLogin, lastLoginExact } from "../src/pages/users/lastLogin";

describe("last login in the users table", () => {
  it("shows the day in the cell and the time in its tooltip, in the app's language", () => {
    setLocale("en");
    const at = Date.UTC(2026, 10, 24, 13, 45) / 1000;
    expect(lastLogin(at)).toMatch(/2026/);
    expect(lastLogin(at)).not.toMatch(/:45/);
    expect(lastLoginExact(at)).toMatch(/:45/);
    setLocale("fr");
    expect(lastLogin(at)).toMatch(/nov/);
    setLocale("en");
  });
});
