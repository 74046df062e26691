// The release workflow cannot run on the project's machine (it needs Windows and macOS runners):
// this reads it as GitHub would and checks that it builds every platform's installers on a tag and
// publishes their checksums.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import ui from "../package.json";

type Step = { uses?: string; run?: string; with?: Record<string, string> };
type Job = {
  needs?: string | string[];
  "runs-on": string;
  strategy?: { matrix: { include: { platform: string; runner: string; args: string }[] } };
  steps: Step[];
};
// What this test reads; a missing job makes it fail on the first access.
type Workflow = { on: { push?: { tags?: string[] } }; jobs: { build: Job; checksums: Job } };

// Vitest runs from ui/ (its root), where `npm --prefix ui run test` starts it.
const workflow = parse(readFileSync(resolve(process.cwd(), "../.github/workflows/release.yml"), "utf8")) as Workflow;
const build = workflow.jobs.build;
const platforms = build.strategy?.matrix.include ?? [];
const of = (name: string) => platforms.find((p) => p.platform === name);

describe("the release workflow", () => {
  it("runs on a version tag", () => {
    expect(workflow.on.push?.tags).toContain("v*");
  });

  it("builds the Windows installers (.msi and NSIS) on Windows", () => {
    expect(of("windows")?.runner).toMatch(/^windows-/);
    expect(of("windows")?.args).toMatch(/--bundles\s+\S*msi/);
    expect(of("windows")?.args).toMatch(/nsis/);
  });

  it("builds one universal .dmg on macOS", () => {
    expect(of("macos")?.runner).toMatch(/^macos-/);
    expect(of("macos")?.args).toContain("--target universal-apple-darwin");
    expect(of("macos")?.args).toMatch(/--bundles\s+\S*dmg/);
  });

  it("builds the Linux packages on Linux", () => {
    expect(of("linux")?.runner).toMatch(/^ubuntu-/);
    for (const kind of ["deb", "rpm", "appimage"]) expect(of("linux")?.args).toContain(kind);
  });

  it("installs on the Linux runner every development library the project's setup installs", () => {
    // The libraries the app links are the same on a release runner as here: a -dev package added to
    // scripts/setup.sh (SQLite's, say) and not to the workflow would fail the Linux release.
    const setup = readFileSync(resolve(process.cwd(), "../scripts/setup.sh"), "utf8");
    const listed = setup.match(/PACKAGES=\(([^)]*)\)/)?.[1] ?? "";
    const libraries = listed.split(/\s+/).filter((p) => p.endsWith("-dev"));
    expect(libraries).toContain("libwebkit2gtk-4.1-dev");
    const runs = build.steps.map((s) => s.run ?? "").join("\n");
    const installed = runs.match(/apt-get install(?:[^\n\\]|\\\n)*/)?.[0].split(/\s+/) ?? [];
    expect(libraries.filter((lib) => !installed.includes(lib))).toEqual([]);
  });

  it("builds with tauri-action and the CLI pinned in ui/package.json, after npm ci", () => {
    const tauri = build.steps.find((s) => s.uses?.startsWith("tauri-apps/tauri-action@"));
    expect(tauri?.with?.args).toBe("${{ matrix.args }}");
    expect(tauri?.with?.tauriScript).toContain("ui/node_modules/@tauri-apps/cli");
    expect(ui.devDependencies["@tauri-apps/cli"]).toMatch(/^\d+\.\d+\.\d+$/);
    const runs = build.steps.map((s) => s.run ?? "").join("\n");
    expect(runs).toContain("npm --prefix ui ci");
  });

  it("publishes a SHA256SUMS of every file once all platforms are built", () => {
    const sums = workflow.jobs.checksums;
    expect([sums.needs].flat()).toContain("build");
    const script = sums.steps.map((s) => s.run ?? "").join("\n");
    expect(script).toContain("sha256sum");
    expect(script).toMatch(/gh release upload .*SHA256SUMS/);
  });
});
