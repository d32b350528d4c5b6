// A deal-by-deal CRM export (HubSpot's one row per deal) written in the test,
// with the counts the documented fitting rules give computed from the same
// deals: every deal passes its stages in order with exact dates, so the
// expected "k of n" of each stage follows from the rows themselves.

export const LABELS = ['Prospecting', 'Qualification', 'Needs assessment', 'Presentation', 'Handling objections', 'Closing'];
const DAY_MS = 86_400_000;

export interface GenDeal {
  id: number;
  created: number; // ms since 1970 (wall clock, written without a zone)
  furthest: number; // 0..5
  outcome: 'won' | 'lost' | 'open';
  amount: number;
}

export interface Expected {
  deals: number;
  movedOn: number[];
  lost: number[];
  open: number[];
  asOf: string; // YYYY-MM-DD
  perWeek: number;
  weeks: number;
  won: number;
}

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` deals created over weeks from Monday 6 Jan 2025, `perWeek` a
 * week (15 unless given); the last 30 are still open at their furthest stage. */
export function generate(count: number, seed = 7, perWeek = 15): GenDeal[] {
  const rand = random(seed);
  const rates = [0.7, 0.6, 0.75, 0.65, 0.6, 0.5];
  const start = Date.UTC(2025, 0, 6, 9, 0);
  return Array.from({ length: count }, (_, i) => {
    const created = start + (Math.floor(i / perWeek) * 7 + (i % 7)) * DAY_MS + (i % 5) * 3_600_000;
    let furthest = 0;
    while (furthest < 5 && rand() < rates[furthest]) furthest += 1;
    const wins = furthest === 5 && rand() < rates[5];
    const outcome = wins ? 'won' : i >= count - 30 ? 'open' : 'lost';
    return { id: 1000 + i, created, furthest, outcome, amount: 1000 * (1 + (i % 20)) };
  });
}

const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
const entered = (d: GenDeal, stage: number) => d.created + stage * 3 * DAY_MS;
const closed = (d: GenDeal) => d.created + (d.furthest * 3 + 2) * DAY_MS;

/** The export as HubSpot writes it; `rename` changes a stage's label. */
export function toCsv(deals: GenDeal[], rename: Record<string, string> = {}): string {
  const label = (l: string) => rename[l] ?? l;
  const header = [
    'Record ID', 'Deal Name', 'Create Date', 'Amount', 'Deal Stage', 'Close Date',
    ...LABELS.map((l) => `"Date entered ""${label(l)} (Sales Pipeline)"""`),
    '"Date entered ""Closed won (Sales Pipeline)"""', '"Date entered ""Closed lost (Sales Pipeline)"""',
  ];
  const lines = [header.join(',')];
  for (const d of deals) {
    const stages = LABELS.map((_, k) => (k <= d.furthest ? stamp(entered(d, k)) : ''));
    const current = d.outcome === 'won' ? 'Closed won' : d.outcome === 'lost' ? 'Closed lost' : label(LABELS[d.furthest]);
    // Open deals carry the expected close date, past the export: not a fact.
    const closeDate = d.outcome === 'open' ? stamp(d.created + 90 * DAY_MS) : stamp(closed(d));
    lines.push([
      d.id, `"Deal ${d.id}, Inc."`, stamp(d.created), d.outcome === 'won' ? d.amount : '', current, closeDate, ...stages,
      d.outcome === 'won' ? stamp(closed(d)) : '', d.outcome === 'lost' ? stamp(closed(d)) : '',
    ].join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** What the documented rules give for these deals. */
export function expected(deals: GenDeal[]): Expected {
  const movedOn = [0, 0, 0, 0, 0, 0];
  const lost = [0, 0, 0, 0, 0, 0];
  const open = [0, 0, 0, 0, 0, 0];
  let last = 0;
  for (const d of deals) {
    for (let k = 0; k <= d.furthest; k++) {
      last = Math.max(last, entered(d, k));
      if (k < d.furthest || d.outcome === 'won') movedOn[k] += 1;
      else if (d.outcome === 'lost') lost[k] += 1;
      else open[k] += 1;
    }
    if (d.outcome !== 'open') last = Math.max(last, closed(d));
  }
  const day = (ms: number) => Math.floor(ms / DAY_MS);
  const first = Math.min(...deals.map((d) => day(d.created)));
  const weeks = Math.floor((day(last) - first + 1) / 7);
  const inWeeks = deals.filter((d) => day(d.created) < first + 7 * weeks).length;
  return {
    deals: deals.length,
    movedOn,
    lost,
    open,
    asOf: new Date(day(last) * DAY_MS).toISOString().slice(0, 10),
    perWeek: inWeeks / weeks,
    weeks,
    won: deals.filter((d) => d.outcome === 'won').length,
  };
}
