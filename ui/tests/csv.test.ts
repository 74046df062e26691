import { describe, expect, it } from "vitest";
import { csvRows, neutralise } from "$lib/csv/rows";

describe("CSV rows", () => {
  it("puts the header first and one row per item, in the given order", () => {
    const rows = csvRows(["Name", "Age"], [{ n: "Léa", a: 3 }, { n: "Noah", a: 4 }], (x) => [x.n, String(x.a)]);
    expect(rows).toEqual([["Name", "Age"], ["Léa", "3"], ["Noah", "4"]]);
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(["=1+1", "+41 79", "-2", "@SUM(A1)", "a=b", "ok"].map(neutralise)).toEqual([
      "'=1+1",
      "'+41 79",
      "'-2",
      "'@SUM(A1)",
      "a=b",
      "ok",
    ]);
    expect(csvRows(["=H"], [["=cmd|' /C calc'!A0"]], (r) => r)).toEqual([["'=H"], ["'=cmd|' /C calc'!A0"]]);
  });

});

describe("products export", () => {
  it("has the table's columns, ISO dates and neutralised cells", async () => {
    const { productsCsv } = await import("../src/pages/products/exportRows");
    const row = {
      id: 1,
      accountId: 7,
      organisation: "Atelier",
      name: "=HYPERLINK(evil)",
      service: "domain",
      expiresAt: 1_767_225_600,
      daysLeft: 12,
      autoRenew: null,
      paymentAttemptAt: null,
      canSwitchOn: false,
      paymentMethod: null,
      price: null,
      locked: false,
      maintenance: false,
      trial: true,
      free: false,
      operationInProgress: false,
      group: "renew_manually",
      renewalPage: null,
      parentId: null,
      parentService: null,
      renewForbidden: false,
    } as const;
    const [header, first] = productsCsv([row]);
    expect(header).toHaveLength(9);
    expect(first).toEqual(["'=HYPERLINK(evil)", "Domain", "Atelier", "2026-01-01", "12", "", "No", "No", "Yes"]);
  });
});

describe("users export", () => {
  it("writes the last login in ISO 8601 whatever the region, the header in the person's language", async () => {
    const { usersCsv } = await import("../src/pages/users/exportRows");
    const { person } = await import("./users-fixtures");
    const { setLocale } = await import("$lib/i18n");
    const { setRegionChoice } = await import("$lib/i18n/region.svelte");
    const people = [person(1, "Léa Favre", { lastLoginAt: 1_795_537_800 })];

    setLocale("de");
    setRegionChoice("de-CH");
    const [germanHeader, swiss] = usersCsv(people);
    setLocale("en");
    setRegionChoice("en-US");
    const [englishHeader, american] = usersCsv(people);
    setRegionChoice("system");

    expect(swiss?.[5]).toBe("2026-11-24T16:30:00Z");
    expect(american?.[5]).toBe(swiss?.[5]);
    expect(germanHeader).not.toEqual(englishHeader);
  });
});
