/**
 * manifest.xml, checked offline: well-formed, every resid resolves (and every resource is used), icons
 * exist at their declared pixel sizes, the shared runtime is wired as Office requires, every URL is https,
 * and the functions namespace is DEALS. Each check also runs on a broken copy, to prove it can fail.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MANIFEST_FILE, parseManifest, manifestUrls, sharedRuntimeUrl } from "../scripts/manifest";
import { FUNCTIONS_NAMESPACE } from "../src/taskpane/functionsMetadata";
import {
  allProblems,
  checkHttps,
  checkImages,
  checkNamespace,
  checkResids,
  checkSharedRuntime,
  checkWellFormed,
  namespaceProblems,
  pngSize,
} from "./support/manifestChecks";

const NAMESPACE = "DEALS";
const xml = readFileSync(MANIFEST_FILE, "utf8");

/** The manifest with one exact piece of text replaced (fails loudly if the piece is not there). */
function broken(find: string | RegExp, replacement: string): string {
  const changed = xml.replace(find, replacement);
  if (changed === xml) throw new Error(`test setup: ${String(find)} not found in manifest.xml`);
  return changed;
}

function problemsOf(text: string): string[] {
  return allProblems(text, NAMESPACE);
}

describe("manifest.xml as written", () => {
  const root = parseManifest(xml);

  test("is well-formed XML, a task pane add-in for Excel workbooks", () => {
    expect(checkWellFormed(xml)).toEqual([]);
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    const hosts = root.children.find((c) => c.name === "Hosts")?.children.map((h) => h.attrs.Name);
    expect(hosts).toEqual(["Workbook"]);
    const text = (name: string) => root.children.find((c) => c.name === name);
    expect(text("Id")?.text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i
    );
    expect(text("ProviderName")?.text).toBe("AI Deals");
    expect(text("DisplayName")?.attrs.DefaultValue).toBe("AI Deals");
    expect(text("Permissions")?.text).toBe("ReadWriteDocument");
  });

  test("every resid resolves to a Resources entry of the right kind, and every entry is used", () => {
    expect(checkResids(root)).toEqual([]);
  });

  test("every icon exists in assets/ as a PNG of its declared size", () => {
    expect(checkImages(root)).toEqual([]);
  });

  test("the shared runtime: one long-lived Runtime, also the functions' Page, FunctionFile and task pane; SharedRuntime 1.1", () => {
    expect(checkSharedRuntime(root)).toEqual([]);
    expect(sharedRuntimeUrl(root)).toBe("https://localhost:3000/taskpane.html");
  });

  test("every URL is https", () => {
    const urls = manifestUrls(root).map((u) => u.url);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    expect(checkHttps(root)).toEqual([]);
  });

  test("the functions namespace is DEALS, valid for Excel, and the one the task pane shows", () => {
    expect(checkNamespace(root, NAMESPACE)).toEqual([]);
    expect(FUNCTIONS_NAMESPACE).toBe(NAMESPACE);
  });

  test("the ribbon button reads Show AI Deals", () => {
    expect(xml).toMatch(/<bt:String id="TaskpaneButton.Label" DefaultValue="Show AI Deals"\/>/);
  });
});

describe("the checks fail on broken copies", () => {
  test("malformed XML", () => {
    const problems = problemsOf(broken("</Hosts>\n  <!-- Where", "\n  <!-- Where"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/not well-formed XML \(line \d+/);
  });

  test("a resid with no resource, and the resource it no longer uses", () => {
    const problems = problemsOf(
      broken('<SourceLocation resid="JSON.Url"/>', '<SourceLocation resid="Json.Missing"/>')
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        '<SourceLocation resid="Json.Missing"> has no Resources entry',
        'resource "JSON.Url" is never used',
      ])
    );
  });

  test("a resource nobody uses, a duplicated id, a resid too long, a resid of the wrong kind", () => {
    expect(
      problemsOf(
        broken(
          "</bt:Urls>",
          '  <bt:Url id="Unused.Url" DefaultValue="https://localhost:3000/x"/>\n      </bt:Urls>'
        )
      )
    ).toContain('resource "Unused.Url" is never used');
    expect(
      problemsOf(
        broken(
          "</bt:Urls>",
          '  <bt:Url id="JS.Url" DefaultValue="https://localhost:3000/y.js"/>\n      </bt:Urls>'
        )
      )
    ).toContain('resource id "JS.Url" is defined more than once');
    const long = "A".repeat(33);
    expect(problemsOf(broken(/"Group\.Label"/g, `"${long}"`))).toContain(
      `resid "${long}" is longer than 32 characters`
    );
    expect(problemsOf(broken('<Label resid="Group.Label"/>', '<Label resid="JS.Url"/>'))).toContain(
      '<Label resid="JS.Url"> must point into bt:ShortStrings, not bt:Urls'
    );
  });

  test("an icon at the wrong size, a missing icon file, an IconUrl of a size Office does not take", () => {
    expect(
      problemsOf(
        broken(
          'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"',
          'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"'
        )
      )
    ).toEqual(
      expect.arrayContaining([
        'image resource "Icon.16x16" (https://localhost:3000/assets/icon-32.png) is 32x32, expected 16x16',
        '<bt:Image size="16" resid="Icon.16x16"> (https://localhost:3000/assets/icon-32.png) is 32x32, expected 16x16',
      ])
    );
    expect(problemsOf(broken("assets/icon-80.png", "assets/icon-81.png")).join("\n")).toMatch(
      /icon-81\.png does not exist/
    );
    expect(
      problemsOf(
        broken(
          '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
          '<IconUrl DefaultValue="https://localhost:3000/assets/icon-16.png"/>'
        )
      )
    ).toContain("<IconUrl> (https://localhost:3000/assets/icon-16.png) is 16x16, expected 32x32");
    expect(
      problemsOf(
        broken(
          '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>',
          '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-80.png"/>'
        )
      )
    ).toContain(
      "<HighResolutionIconUrl> (https://localhost:3000/assets/icon-80.png) is 80x80, expected 64x64"
    );
  });

  test("an icon file that is not a PNG, or a size that disagrees with its use", () => {
    const dir = mkdtempSync(join(tmpdir(), "ai-deals-manifest-"));
    try {
      mkdirSync(join(dir, "assets"));
      for (const n of [16, 32, 64, 80])
        copyFileSync(
          join(__dirname, "..", "assets", `icon-${n}.png`),
          join(dir, "assets", `icon-${n}.png`)
        );
      writeFileSync(join(dir, "assets", "icon-32.png"), "GIF89a not a png at all");
      expect(allProblems(xml, NAMESPACE, dir)).toContain(
        'image resource "Icon.32x32" (https://localhost:3000/assets/icon-32.png): not a PNG file'
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(() => pngSize(Buffer.from("short"))).toThrow("not a PNG file");
    expect(
      problemsOf(
        broken(
          '<bt:Image size="80" resid="Icon.80x80"/>',
          '<bt:Image size="80" resid="Icon.32x32"/>'
        )
      )
    ).toContain(
      '<bt:Image size="80" resid="Icon.32x32"> (https://localhost:3000/assets/icon-32.png) is 32x32, expected 80x80'
    );
  });

  test("a short-lived runtime, and pages that differ from the runtime's", () => {
    expect(problemsOf(broken('lifetime="long"', 'lifetime="short"'))).toContain(
      '<Runtime> lifetime is "short", must be "long"'
    );
    const withOther = (text: string) =>
      text.replace(
        "</bt:Urls>",
        '  <bt:Url id="Other.Url" DefaultValue="https://localhost:3000/other.html"/>\n      </bt:Urls>'
      );
    expect(
      problemsOf(
        withOther(
          broken(
            '<Page>\n              <SourceLocation resid="Taskpane.Url"/>',
            '<Page>\n              <SourceLocation resid="Other.Url"/>'
          )
        )
      )
    ).toContain(
      'CustomFunctions Page resid "Other.Url" differs from the Runtime resid "Taskpane.Url"'
    );
    expect(
      problemsOf(
        withOther(
          broken('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Other.Url"/>')
        )
      )
    ).toContain('FunctionFile resid "Other.Url" differs from the Runtime resid "Taskpane.Url"');
    expect(
      problemsOf(
        withOther(
          broken(
            /<TaskpaneId>AIDeals.Taskpane<\/TaskpaneId>\s*<SourceLocation resid="Taskpane.Url"\/>/,
            '<TaskpaneId>AIDeals.Taskpane</TaskpaneId><SourceLocation resid="Other.Url"/>'
          )
        )
      )
    ).toContain(
      'ShowTaskpane SourceLocation resid "Other.Url" differs from the Runtime resid "Taskpane.Url"'
    );
    expect(problemsOf(broken(/<Runtimes>[\s\S]*<\/Runtimes>/, ""))).toContain(
      "expected one <Runtime>, found 0"
    );
  });

  test("no SharedRuntime requirement, or too old a version; an incomplete CustomFunctions extension point", () => {
    expect(problemsOf(broken('<Set Name="SharedRuntime" MinVersion="1.1"/>', ""))).toContain(
      "the SharedRuntime requirement set is missing"
    );
    expect(
      problemsOf(
        broken(
          '<Set Name="SharedRuntime" MinVersion="1.1"/>',
          '<Set Name="SharedRuntime" MinVersion="1.0"/>'
        )
      )
    ).toContain('SharedRuntime MinVersion is "1.0", must be at least 1.1');
    expect(problemsOf(broken(/<Metadata>[\s\S]*?<\/Metadata>/, "")).join("\n")).toMatch(
      /CustomFunctions has no <Metadata>/
    );
    expect(
      problemsOf(
        broken("https://localhost:3000/functions.json", "https://localhost:3000/functions.js")
      )
    ).toContain(
      'CustomFunctions Metadata URL "https://localhost:3000/functions.js" is not a .json file'
    );
  });

  test("a URL that is not https", () => {
    expect(
      problemsOf(
        broken(
          'DefaultValue="https://localhost:3000/help.html"',
          'DefaultValue="http://localhost:3000/help.html"'
        )
      )
    ).toContain('OfficeApp/SupportUrl: "http://localhost:3000/help.html" is not https');
    expect(
      problemsOf(
        broken(
          "<AppDomain>https://localhost:3000</AppDomain>",
          "<AppDomain>http://localhost:3000</AppDomain>"
        )
      )
    ).toContain('AppDomains/AppDomain: "http://localhost:3000" is not https');
    expect(
      problemsOf(broken('id="JS.Url" DefaultValue="https://', 'id="JS.Url" DefaultValue="http://'))
    ).toContain(
      'OfficeApp/VersionOverrides/Resources/bt:Urls/bt:Url#JS.Url: "http://localhost:3000/functions.js" is not https'
    );
  });

  test("a namespace Excel would refuse, or another than DEALS", () => {
    const withNamespace = (ns: string) => broken('DefaultValue="DEALS"', `DefaultValue="${ns}"`);
    expect(problemsOf(withNamespace("OTHER"))).toEqual(['namespace is "OTHER", expected "DEALS"']);
    expect(namespaceProblems("1DEALS")).toHaveLength(1);
    expect(namespaceProblems("DE-ALS")).toHaveLength(1);
    expect(namespaceProblems("DEALS.X")).toHaveLength(1);
    expect(namespaceProblems("")).toEqual(["no custom functions namespace"]);
    expect(namespaceProblems("D".repeat(33))).toEqual([
      `namespace "${"D".repeat(33)}" is longer than 32 characters`,
    ]);
    expect(namespaceProblems("Deals_2")).toEqual([]);
    expect(problemsOf(broken('<Namespace resid="Functions.Namespace"/>', ""))).toContain(
      "no custom functions namespace"
    );
  });
});
