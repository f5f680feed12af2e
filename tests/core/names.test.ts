import { closestName, editDistance, normalizeName } from "../../src/core/names";

describe("name matching", () => {
  it("ignores case, spaces, punctuation and accents", () => {
    expect(normalizeName("Amazon.com Inc.")).toBe("amazoncominc");
    expect(normalizeName("  open ai ")).toBe("openai");
    expect(normalizeName("Nébius")).toBe(normalizeName("Nebius"));
    expect(normalizeName("TYO:9984")).toBe("tyo:9984");
  });

  it("counts edits, with a swap of neighbours as one", () => {
    expect(editDistance("amazon", "amazn", 3)).toBe(1);
    expect(editDistance("openai", "opnaei", 3)).toBe(2);
    expect(editDistance("nvidia", "nivdia", 3)).toBe(1);
    expect(editDistance("a", "completely different", 2)).toBe(3);
  });

  it("suggests the nearest name, or a name the text begins, and nothing for unrelated text", () => {
    const names = ["amazon", "anthropic", "openai", "microsoft"];
    expect(closestName("Amazn", names)).toBe("amazon");
    expect(closestName("Anthrop", names)).toBe("anthropic");
    expect(closestName("Micrsoft", names)).toBe("microsoft");
    expect(closestName("Zebra Capital", names)).toBeUndefined();
    expect(closestName("", names)).toBeUndefined();
  });
});

describe("the ASCII fast path and the Unicode path agree", () => {
  it.each([
    ["Amazon.com Inc."],
    ["T. Rowe Price"],
    ["TYO:9984"],
    ["  a16z  "],
    ["AWS/Amazon-Web_Services"],
    ["Nebius Group N.V."],
  ])("%s", (name) => {
    expect(normalizeName(name)).toBe(normalizeName(`${name}\u00e9`).slice(0, -1));
  });
});
