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
