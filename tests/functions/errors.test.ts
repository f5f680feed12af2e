/** Bad input gets Excel's own error with a message that says what to do; nothing else is ever thrown. */
import { excel, metadata } from "../support/excel";

const NA = (message: string | RegExp) => ({
  error: "#N/A",
  message: typeof message === "string" ? message : expect.stringMatching(message),
});
const VALUE = (message: string | RegExp) => ({
  error: "#VALUE!",
  message: typeof message === "string" ? message : expect.stringMatching(message),
});

describe("unknown names", () => {
  it("an unknown company is #N/A with the nearest name", async () => {
    expect(await excel("DEAL_VALUE", "Amazn", "OpenAI")).toEqual(
      NA("Unknown company 'Amazn'. Did you mean 'Amazon'?")
    );
    expect(await excel("STAKE_PCT", "Microsoft", "OpenIA")).toEqual(
      NA("Unknown company 'OpenIA'. Did you mean 'OpenAI'?")
    );
    expect(await excel("VALUATION", "antropic")).toEqual(
      NA("Unknown company 'antropic'. Did you mean 'Anthropic'?")
    );
    expect(await excel("EXPOSURE", "Nvdia")).toEqual(
      NA("Unknown company 'Nvdia'. Did you mean 'Nvidia'?")
    );
  });

  it("an unknown company with no near name says what is accepted", async () => {
    expect(await excel("DEAL_LIST", "Zebra Holdings")).toEqual(
      NA(/^Unknown company 'Zebra Holdings'\. Use a company name, alias or ticker/)
    );
  });

  it("an unknown deal id is #N/A pointing at the ID column", async () => {
    expect(await excel("DEAL_FIELD", "amazon-openai-equty", "amount")).toEqual(
      NA(
        "Unknown deal id 'amazon-openai-equty'. Did you mean 'amazon-openai-equity'? Deal ids are in the ID column of DEALS.DEAL_LIST."
      )
    );
  });
});

describe("nothing matches", () => {
  it("no matching deal is #N/A naming what was asked", async () => {
    expect(await excel("DEAL_VALUE", "Amazon", "OpenAI", "compute")).toEqual(
      NA("No deals from Amazon to OpenAI of type compute in the latest data.")
    );
    expect(await excel("DEAL_VALUE", "Amazon", "OpenAI", null, "2019-06-30")).toEqual(
      NA("No deals from Amazon to OpenAI as of 2019-06-30.")
    );
    expect(await excel("DEAL_LIST", "Thrive Capital", "to")).toEqual(
      NA("No deals to Thrive Capital in the latest data.")
    );
  });

  it("no valuation, stake, investments or equity is #N/A saying which", async () => {
    expect(await excel("VALUATION", "Amazon")).toEqual(
      NA("No valuation of Amazon in the latest data.")
    );
    expect(await excel("STAKE_PCT", "Oracle", "OpenAI")).toEqual(
      NA(/^No stake of Oracle in OpenAI in the latest data/)
    );
    expect(await excel("STAKE_PCT", "Microsoft", "G42")).toEqual(
      NA(
        "No stake of Microsoft in G42 in the latest data can be implied: no valuation of G42 on or after its equity deals (microsoft-g42-equity-2024)."
      )
    );
    expect(await excel("STAKE_PCT", "FTX", "Anthropic")).toEqual(
      NA(
        /^No stake of FTX in Anthropic in the latest data: its equity deals ended \(ftx-anthropic-series-b/
      )
    );
    expect(await excel("EXPOSURE", "Broadcom")).toEqual(
      NA("No equity investments by Broadcom in the latest data.")
    );
    expect(await excel("CIRCULARITY", "Oracle", "OpenAI")).toEqual(
      NA(/^No equity with a reported amount from Oracle to OpenAI/)
    );
  });

  it("a deal field that was never reported is #N/A", async () => {
    expect(await excel("DEAL_FIELD", "openai-amd-2025", "amount")).toEqual(
      NA("Deal 'openai-amd-2025' has no reported amount.")
    );
    expect(await excel("DEAL_FIELD", "openai-amd-2025", "term_years")).toEqual(
      NA("Deal 'openai-amd-2025' has no reported term.")
    );
  });
});

describe("arguments that cannot be read", () => {
  it("an unknown type, role, basis or field is #VALUE! listing what is accepted", async () => {
    expect(await excel("DEAL_VALUE", "Amazon", "OpenAI", "loan")).toEqual(
      VALUE(
        "Unknown type 'loan'. Use one of: equity, compute, chips, infrastructure, secondary, partnership, flow_back, or leave it empty for all."
      )
    );
    expect(await excel("DEAL_LIST", "Amazon", "buyer")).toEqual(
      VALUE("Unknown role 'buyer'. Use one of: from, to, any, or leave it empty for any.")
    );
    expect(await excel("EXPOSURE", "Amazon", "market")).toEqual(
      VALUE(
        "Unknown basis 'market'. Use one of: capital, stake_value, compute, or leave it empty for capital."
      )
    );
    expect(await excel("DEAL_FIELD", "amazon-openai-equity", "price")).toEqual(
      VALUE(
        /^Unknown field 'price'\. Use one of: title, from, to, .*history, notes, currency, .*priced_at\.$/
      )
    );
    // A field is required: the message never suggests leaving it empty.
    expect(await excel("VALUATION_FIELD", "OpenAI", "colour")).toEqual(
      VALUE(
        "Unknown field 'colour'. Use one of: amount, qualifier, basis, date, date_value, deal, source, quote, as_reported, previous_amount, previous_date, previous_date_value."
      )
    );
    expect(await excel("DEAL_FIELD", "amazon-openai-equity", null)).toEqual(
      VALUE(/^Enter a field\. Use one of: title/)
    );
  });

  it("an unreadable date is #VALUE! saying which forms work", async () => {
    const help =
      "Use an Excel date, or text YYYY-MM-DD, YYYY-MM or YYYY; leave it empty for the latest data.";
    expect(await excel("VALUATION", "OpenAI", "31/12/2025")).toEqual(
      VALUE(`Unreadable date '31/12/2025'. ${help}`)
    );
    expect(await excel("DEAL_VALUE", "Amazon", "OpenAI", null, -3)).toEqual(
      VALUE(/^Unreadable date -3: Excel dates run from 1/)
    );
    expect(await excel("EXPOSURE", "Amazon", null, true)).toEqual(
      VALUE(`Unreadable date (boolean). ${help}`)
    );
  });

  it("an empty party or a range where one name belongs is #VALUE!", async () => {
    expect(await excel("DEAL_VALUE", "", "OpenAI")).toEqual(
      VALUE("Enter a company name, alias or ticker.")
    );
    expect(await excel("DEAL_VALUE", null, "OpenAI")).toEqual(
      VALUE("Enter a company name, alias or ticker.")
    );
    expect(await excel("VALUATION", [["OpenAI"], ["Anthropic"]])).toEqual(
      VALUE("Give one company name, alias or ticker, not a range or an array.")
    );
  });

  it("a whole cell of text where a name belongs is #VALUE! saying so, not a slow search", async () => {
    const pasted = `OpenAI ${"and more ".repeat(40)}`; // 367 characters, trimmed to 366
    expect(await excel("VALUATION", pasted)).toEqual(
      VALUE(
        "'OpenAI and more and more and more and m…' is 366 characters long; a company name, alias or ticker has at most 255. Check which cell the formula reads."
      )
    );
    expect(await excel("DEAL_FIELD", "x".repeat(256), "amount")).toEqual(
      VALUE(/is 256 characters long; a deal id .* has at most 255/)
    );
    // 255 is still read as a name (and is unknown).
    expect(await excel("VALUATION", "x".repeat(255))).toEqual(NA(/^Unknown company/));
  });

  it("friendly spellings of choices are accepted", async () => {
    expect(await excel("EXPOSURE", "Amazon", "Stake Value")).toEqual(
      await excel("EXPOSURE", "Amazon", "stake_value")
    );
    expect(await excel("DEAL_VALUE", "Amazon", "OpenAI", " EQUITY ")).toEqual(
      await excel("DEAL_VALUE", "Amazon", "OpenAI", "equity")
    );
  });
});

describe("no input makes a function throw anything but an Excel error", () => {
  const odd: unknown[] = [
    null,
    "",
    " ",
    "Amazon",
    "amazon-openai-equity",
    "2025",
    0,
    -1,
    1e308,
    Number.NaN,
    true,
    false,
    [["x"]],
    [],
    {},
    "=1+1",
    "<script>",
    "x".repeat(5000),
    "🙂",
    "OpenAI\u0000",
  ];

  it("every function, every odd argument in every position", async () => {
    const { functions } = await metadata();
    let calls = 0;
    for (const f of functions) {
      for (let position = 0; position < Math.max(1, f.parameters.length); position++) {
        for (const value of odd) {
          const args = f.parameters.map((p, i) =>
            i === position
              ? value
              : p.name === "field"
                ? "amount"
                : i === 0
                  ? "Amazon"
                  : i === 1 && p.name !== "basis" && p.name !== "role"
                    ? "OpenAI"
                    : null
          );
          const result = await excel(f.id, ...args);
          calls++;
          const isError = typeof result === "object" && result !== null && "error" in result;
          if (isError) {
            expect(["#N/A", "#VALUE!"]).toContain((result as { error: string }).error);
            expect((result as unknown as { message: string }).message.length).toBeGreaterThan(10);
          } else {
            expect(["number", "string", "object"]).toContain(typeof result);
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(400);
  });
});

describe("every field of every deal", () => {
  it("is a value, or #N/A saying the source did not report it", async () => {
    const { DEAL_FIELDS } = await import("../../src/core/formulas");
    const { getActiveDataset } = await import("../../src/runtime/datasetStore");
    let values = 0;
    for (const deal of getActiveDataset().deals) {
      for (const field of DEAL_FIELDS) {
        const result = await excel("DEAL_FIELD", deal.id.toUpperCase(), field);
        if (typeof result === "object" && result !== null) {
          expect(result).toEqual({
            error: "#N/A",
            message: expect.stringMatching(
              /^Deal '.+' has no reported (amount|term|tranche payment|recurring figure)\.$/
            ),
          });
        } else {
          expect(["string", "number"]).toContain(typeof result);
          values++;
        }
      }
    }
    expect(values).toBeGreaterThan(1000);
  });
});

describe("remembered answers", () => {
  it("never mix up two calls whose text contains Excel's CHAR(31)", async () => {
    const a = await excel("DEAL_VALUE", "Amazon", "OpenAI\u001fsequity", "2025", null);
    const b = await excel("DEAL_VALUE", "Amazon", "OpenAI", "equity", "2025\u001fonull");
    expect(a).toMatchObject({ error: "#N/A", message: expect.stringContaining("Unknown company") });
    expect(b).toMatchObject({
      error: "#VALUE!",
      message: expect.stringContaining("Unreadable date"),
    });
  });
});
