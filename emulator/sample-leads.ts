/**
 * The sample's Leads: the real weekly cadence of Olist's marketing-qualified
 * leads (/work/shared/data, see its README; used for tests and the local
 * preview only, never shipped), moved in time so that their December dip
 * falls in the sample's last complete weeks: the turn the early warning
 * sees. Pipeline On is the Olist deal's won date (the export has no earlier
 * opportunity date); Amount, which the export lacks, is a deterministic
 * stand-in. Without the files, a built-in series of the same shape.
 */
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {addDays, daysBetween, type LocalDate} from '../src/domain/calendar';

// The shared data sits beside the repository, or beside the folder of git worktrees.
const DATA =
  [
    join(__dirname, '..', '..', 'shared'),
    join(__dirname, '..', '..', '..', 'shared'),
  ]
    .map(dir => join(dir, 'data'))
    .find(dir => existsSync(dir)) ?? '';
export const OLIST_LEADS_CSV = join(
  DATA,
  'olist-marketing-qualified-leads.csv',
);
export const OLIST_DEALS_CSV = join(DATA, 'olist-closed-deals.csv');

/** The Monday of the Olist week whose dip the sample's last complete week shows. */
const OLIST_LAST_MONDAY = '2017-12-18';

export interface SampleLead {
  id: string;
  source: string;
  qualified: LocalDate;
  pipeline?: LocalDate;
  dealId?: string;
  amount?: number;
}

/** FNV-1a: the sample's deterministic stand-ins (amounts, conversions). */
export function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/** "M/D/YYYY[ H:MM]" as YYYY-MM-DD. */
function isoOf(us: string): LocalDate {
  const [m, d, y] = us.split(' ')[0].split('/');
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

function csvRows(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map(l => l.split(','));
}

/** Weekly counts of the built-in series: steady, then a fall in the last 4 weeks (the Olist dip's shape). */
const BUILT_IN_WEEKS = [
  84, 77, 69, 90, 74, 90, 61, 105, 117, 90, 96, 99, 126, 88, 26, 33, 43,
];
const SOURCES = [
  'organic_search',
  'paid_search',
  'social',
  'email',
  'referral',
  'unknown',
];

function builtInLeads(): SampleLead[] {
  const first = addDays(OLIST_LAST_MONDAY, -7 * (BUILT_IN_WEEKS.length - 1));
  const leads: SampleLead[] = [];
  BUILT_IN_WEEKS.forEach((count, w) => {
    for (let k = 0; k < count; k++) {
      const id = `L${w}-${k}`;
      const h = hash(id);
      const qualified = addDays(first, 7 * w + (h % 7));
      const converts = h % 9 === 0;
      leads.push({
        id,
        source: SOURCES[h % SOURCES.length],
        qualified,
        ...(converts
          ? {pipeline: addDays(qualified, 3 + (h % 40)), dealId: `S-${id}`}
          : {}),
      });
    }
  });
  return leads;
}

/**
 * The leads, their dates moved so that Olist's week of 2017-12-18 is the
 * week starting `lastMonday`; leads after that week, and pipeline dates on
 * or after `today`, are left out (they have not happened yet).
 */
export function sampleLeads(
  lastMonday: LocalDate,
  today: LocalDate,
  paths = {leads: OLIST_LEADS_CSV, deals: OLIST_DEALS_CSV},
): SampleLead[] {
  const real = existsSync(paths.leads) && existsSync(paths.deals);
  const leads = real
    ? (() => {
        const won = new Map(
          csvRows(paths.deals).map(([mql, seller, date]) => [
            mql,
            {seller, date: isoOf(date)},
          ]),
        );
        return csvRows(paths.leads).map(([id, date, origin]): SampleLead => {
          const deal = won.get(id);
          return {
            id,
            source: origin,
            qualified: isoOf(date),
            ...(deal ? {pipeline: deal.date, dealId: deal.seller} : {}),
          };
        });
      })()
    : builtInLeads();
  const shift = daysBetween(OLIST_LAST_MONDAY, lastMonday);
  const end = addDays(lastMonday, 6);
  return leads
    .map(l => {
      const moved: SampleLead = {
        ...l,
        qualified: addDays(l.qualified, shift),
      };
      const pipeline = l.pipeline && addDays(l.pipeline, shift);
      if (!pipeline || pipeline >= today) {
        delete moved.pipeline;
        delete moved.dealId;
      } else {
        moved.pipeline = pipeline;
        moved.amount = 5000 + (hash(l.id) % 46) * 1000;
      }
      return moved;
    })
    .filter(l => l.qualified <= end)
    .sort((a, b) => (a.qualified < b.qualified ? -1 : 1));
}
