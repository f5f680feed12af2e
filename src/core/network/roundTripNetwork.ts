/**
 * The round trips as a network: investors on the left, the companies they back on the right, and for
 * each pair two links, money in (equity) and money back (compute, chips, infrastructure). The layout is
 * computed here, in plain numbers, so the pane's SVG and the workbook's flow map draw the same picture,
 * and the same data always gives the same picture.
 */
import { EQUITY, FLOW_BACK_TYPES, investeesOf, matchingDeals, pairTotal } from "../analytics";
import { Dataset, ancestorsOn } from "../dataset";
import { byNameIgnoringCase } from "../order";
import { roundTrips } from "../roundTrips";

export type Direction = "in" | "back";

export interface NetworkLink {
  readonly investor: string;
  readonly company: string;
  readonly direction: Direction;
  /** US dollars counted as DEAL_VALUE (in) or FLOW_BACK (back) count them; null when none is reported. */
  readonly amount: number | null;
  /** Deals behind the link, ids, oldest first; some may have no amount. */
  readonly deals: readonly string[];
  /**
   * Line weight in proportion to the amount, MAX_WEIGHT for the largest; 0 where no amount is reported.
   * Renderers draw at least MIN_DRAWN, and dashed where the weight is 0.
   */
  readonly weight: number;
  readonly from: { readonly x: number; readonly y: number };
  readonly to: { readonly x: number; readonly y: number };
}

export interface NetworkNode {
  readonly id: string;
  readonly name: string;
  readonly side: "investor" | "company";
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface NetworkLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly NetworkNode[];
  readonly links: readonly NetworkLink[];
  /** Money back ÷ money in per pair, "investor|company" → ratio, where both are reported. */
  readonly circularity: ReadonlyMap<string, number>;
}

/** The pane's geometry (px): boxes, the gap between them, and the room between the two columns. */
export interface Geometry {
  readonly box: { readonly width: number; readonly height: number };
  readonly gap: number;
  readonly span: number;
}
export const PANE_GEOMETRY: Geometry = { box: { width: 100, height: 28 }, gap: 14, span: 96 };
export const MAX_WEIGHT = 12;
export const MIN_DRAWN = 1;
/** The two links of a pair run this far apart, so both stay visible. */
const OFFSET = 4;

/**
 * Every investor by the day, each under its topmost parent that invests too: Alphabet's pairs already hold
 * Google's deals, so Google drawn beside it would count them twice.
 */
function allInvestors(ds: Dataset, day: number): string[] {
  const investing = new Set(
    [...ds.companies.keys()].filter((id) => investeesOf(ds, id, day).length > 0)
  );
  return [...investing].filter((id) =>
    ancestorsOn(ds, id, day).every((a) => a === id || !investing.has(a))
  );
}

/**
 * The network by the day. Investors are ordered by the money through them, largest first; companies by
 * the mean position of their investors (fewer crossings), then by name.
 */
export function roundTripNetwork(
  ds: Dataset,
  day: number,
  geometry: Geometry = PANE_GEOMETRY
): NetworkLayout {
  const { box, gap, span } = geometry;
  const pairs = roundTrips(ds, allInvestors(ds, day), day);
  const name = (id: string): string => ds.companies.get(id)?.name ?? id;
  const raw = pairs.flatMap((p) => {
    const money = (from: string, to: string, types: typeof EQUITY) => ({
      amount: pairTotal(ds, from, to, types, day).total,
      deals: matchingDeals(ds, from, to, types, day).map((d) => d.id),
    });
    return [
      { ...p, direction: "in" as const, ...money(p.investor, p.company, EQUITY) },
      { ...p, direction: "back" as const, ...money(p.company, p.investor, FLOW_BACK_TYPES) },
    ];
  });

  const through = new Map<string, number>();
  for (const l of raw) through.set(l.investor, (through.get(l.investor) ?? 0) + (l.amount ?? 0));
  const investors = [...new Set(raw.map((l) => l.investor))].sort(
    (a, b) => (through.get(b) ?? 0) - (through.get(a) ?? 0) || byNameIgnoringCase(name(a), name(b))
  );
  const rank = new Map(investors.map((id, i) => [id, i]));
  const meanRank = (company: string): number => {
    const ranks = pairs.filter((p) => p.company === company).map((p) => rank.get(p.investor) ?? 0);
    return ranks.reduce((s, r) => s + r, 0) / ranks.length;
  };
  const companies = [...new Set(raw.map((l) => l.company))].sort(
    (a, b) => meanRank(a) - meanRank(b) || byNameIgnoringCase(name(a), name(b))
  );

  const rows = Math.max(investors.length, companies.length);
  const height = rows === 0 ? 0 : rows * box.height + (rows - 1) * gap;
  const column = (ids: string[], side: NetworkNode["side"], x: number): NetworkNode[] => {
    // The shorter column is centred against the taller one.
    const own = ids.length * box.height + Math.max(0, ids.length - 1) * gap;
    const top = (height - own) / 2;
    return ids.map((id, i) => ({
      id,
      name: name(id),
      side,
      x,
      y: top + i * (box.height + gap),
      width: box.width,
      height: box.height,
    }));
  };
  const nodes = [
    ...column(investors, "investor", 0),
    ...column(companies, "company", box.width + span),
  ];
  const at = new Map(nodes.map((n) => [`${n.side}:${n.id}`, n]));
  const max = Math.max(0, ...raw.map((l) => l.amount ?? 0));
  const links: NetworkLink[] = raw.map((l) => {
    const i = at.get(`investor:${l.investor}`) as NetworkNode;
    const c = at.get(`company:${l.company}`) as NetworkNode;
    const dy = l.direction === "in" ? -OFFSET : OFFSET;
    const left = { x: i.x + i.width, y: i.y + i.height / 2 + dy };
    const right = { x: c.x, y: c.y + c.height / 2 + dy };
    return {
      investor: l.investor,
      company: l.company,
      direction: l.direction,
      amount: l.amount,
      deals: l.deals,
      weight: l.amount === null || max === 0 ? 0 : (MAX_WEIGHT * l.amount) / max,
      from: l.direction === "in" ? left : right,
      to: l.direction === "in" ? right : left,
    };
  });
  const circularity = new Map(
    pairs.flatMap((p) =>
      p.circularity === null ? [] : [[`${p.investor}|${p.company}`, p.circularity] as const]
    )
  );
  return { width: 2 * box.width + span, height, nodes, links, circularity };
}
