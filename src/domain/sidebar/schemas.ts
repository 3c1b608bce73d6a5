/**
 * The shapes the sidebar may send, checked on the server before anything is
 * read or written: google.script.run accepts whatever a browser sends. Each
 * refusal names the field. zod/mini keeps dist/Code.js inside its budget;
 * its default messages are generic, so every check carries its own words.
 */
import type * as Z from 'zod/mini';
import {z} from '../zod';
import {
  atLeast,
  atMost,
  finite,
  lengthAtLeast,
  lengthAtMost,
  matches,
  oneOf,
  string,
  whole,
} from '../checks';
import {GRADES, SLIP_SIGNALS} from '../workbook';
import {MAX_NAME, MAX_TEXT, MAX_UPDATE, type Refusal} from './types';

/** The refusal of over-long text: the sidebar counts characters too, so this is the last word, not a surprise. */
export const tooLong = (max: number) =>
  `is longer than ${max.toLocaleString('en-US')} characters: shorten it`;

const text = (max = MAX_TEXT) =>
  string('must be text').check(lengthAtMost(max, tooLong(max)));
const required = (max = MAX_TEXT) =>
  z.pipe(
    z.pipe(
      string('must be text'),
      z.transform((s: string) => s.trim()),
    ),
    string().check(
      lengthAtLeast(1, 'is required'),
      lengthAtMost(max, tooLong(max)),
    ),
  );
const isCalendarDate = (s: string) => {
  const t = Date.parse(`${s}T00:00:00Z`);
  return !isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
};
const localDate = () =>
  string('must be a date').check(
    matches(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD'),
    z.refine(isCalendarDate, 'is not a date of the calendar'),
  );
const sheetRow = () =>
  finite('must be a row number').check(
    whole('must be a row number'),
    atLeast(2, 'must be a data row (2 or more)'),
  );
const OBJECT = 'must be an object of the fields the sidebar sends';
const version = () =>
  string('must be the version the sidebar loaded').check(
    lengthAtMost(40, 'is not a version the sidebar sent'),
  );

const GradeInputSchema = () =>
  z.object(
    {
      commitmentId: required(MAX_NAME),
      grade: oneOf(GRADES, 'must be Green, Yellow or Red'),
      reason: text(),
      nextAction: text(),
      /** This week's Grades row version as loaded, '' when there was none. */
      version: version(),
    },
    OBJECT,
  );

/**
 * A list of entries, each checked as one; a refusal's path names the entry's
 * index, as zod's array schema would (which adds 1.2 KB). The first refusal
 * is the same one: an entry's, else the list's checks (its length).
 */
const listOf = <S extends Z.ZodMiniType>(
  item: S,
  notList: string,
  ...checks: Z.core.$ZodCheck<Z.output<S>[]>[]
) =>
  z.pipe(
    z.pipe(
      z.custom<Z.input<S>[]>(Array.isArray, notList),
      z.transform((list: Z.input<S>[], ctx: Z.core.ParsePayload) =>
        list.map((entry, i) => {
          const result = z.safeParse(item, entry);
          if (!result.success)
            for (const issue of result.error.issues)
              ctx.issues.push({
                ...issue,
                path: [i, ...issue.path],
              } as Z.core.$ZodRawIssue);
          return result.data as Z.output<S>;
        }),
      ),
    ),
    z.custom<Z.output<S>[]>().check(...checks),
  );

const gradeList = () =>
  listOf(
    GradeInputSchema(),
    'must be a list of grades',
    lengthAtLeast(1, 'must hold at least one grade'),
    lengthAtMost(50, 'holds more grades than any plan has commitments'),
  );

export const SaveGradesSchema = () =>
  z.object({weekEnding: localDate(), grades: gradeList()}, OBJECT);

export const LogSignalSchema = () =>
  z.object(
    {
      dealId: required(MAX_NAME),
      signal: oneOf(SLIP_SIGNALS, `must be one of: ${SLIP_SIGNALS.join(', ')}`),
      note: text(),
    },
    OBJECT,
  );

export const AssignSavePlaySchema = () =>
  z.object(
    {
      row: sheetRow(),
      version: version(),
      savePlay: required(),
      owner: required(MAX_NAME),
    },
    OBJECT,
  );

export const ExecuteSavePlaySchema = () =>
  z.object(
    {
      row: sheetRow(),
      version: version(),
      executedOn: localDate(),
      outcome: required(),
    },
    OBJECT,
  );

export const WithdrawSignalSchema = () =>
  z.object({row: sheetRow(), version: version()}, OBJECT);

/** People at a meeting: a whole number a person counted. */
const people = (least: number) =>
  finite('must be a number').check(
    whole('must be a whole number'),
    atLeast(least, `must be ${least} or more`),
    atMost(100000, 'is more people than a meeting holds'),
  );

export const RecordAttendanceSchema = () =>
  z
    .object(
      {
        weekEnding: localDate(),
        invited: people(1),
        attended: people(0),
        /** This week's Attendance row version as loaded, '' when there was none. */
        version: version(),
      },
      OBJECT,
    )
    .check(
      z.refine(v => v.attended <= v.invited, {
        message: 'cannot be more than Invited',
        path: ['attended'],
      }),
    );

export type SaveGradesInput = Z.input<ReturnType<typeof SaveGradesSchema>>;
export type LogSignalInput = Z.input<ReturnType<typeof LogSignalSchema>>;
export type AssignSavePlayInput = Z.input<
  ReturnType<typeof AssignSavePlaySchema>
>;
export type ExecuteSavePlayInput = Z.input<
  ReturnType<typeof ExecuteSavePlaySchema>
>;
export type WithdrawSignalInput = Z.input<
  ReturnType<typeof WithdrawSignalSchema>
>;
export type RecordAttendanceInput = Z.input<
  ReturnType<typeof RecordAttendanceSchema>
>;

// ---- weekly (issue 13 §5, §6): the CRO's words of the week

/** One wrong call's sentence (dealId), or the recommit update (dealId ''). */
export const SaveWordsSchema = () =>
  z.object(
    {
      weekEnding: localDate(),
      words: listOf(
        z.object(
          {
            dealId: text(MAX_NAME),
            words: z.pipe(
              text(MAX_UPDATE),
              z.transform((s: string) => s.trim().replace(/\r\n?/g, '\n')),
            ),
          },
          OBJECT,
        ),
        'must be a list of words',
        lengthAtMost(100, 'holds more than 100 entries'),
      ),
    },
    OBJECT,
  );
export type SaveWordsInput = Z.input<ReturnType<typeof SaveWordsSchema>>;

/** Field names that do not read well as their key in words ("nextAction" reads "Next action"). */
const LABELS: Record<string, string> = {
  dealId: 'Deal',
  row: 'Signal row',
  version: 'Row version',
  savePlay: 'Save-play action',
  owner: 'Save-play owner',
};

const words = (key: string) =>
  LABELS[key] ??
  key.charAt(0).toUpperCase() +
    key.slice(1).replace(/[A-Z]/g, c => ` ${c.toLowerCase()}`);

function describe(path: readonly PropertyKey[], input: unknown): string {
  const last = [...path].reverse().find(p => typeof p === 'string');
  const label = last === undefined ? 'The request' : words(last);
  // A grade's field is named by its commitment, as the CRO sees it.
  if (path[0] === 'grades' && typeof path[1] === 'number' && path.length > 2) {
    const entry = (input as {grades?: Array<{commitmentId?: unknown}>})
      .grades?.[path[1]];
    const id = entry?.commitmentId;
    return typeof id === 'string' && id.trim() !== ''
      ? `${label} for ${id}`
      : `${label} of grade ${path[1] + 1}`;
  }
  return label;
}

/** Parses a sidebar payload, or the refusal naming the first field at fault. */
export function parsePayload<S extends Z.ZodMiniType>(
  schema: S,
  input: unknown,
): {ok: true; value: Z.output<S>} | Refusal {
  const result = z.safeParse(schema, input);
  if (result.success) return {ok: true, value: result.data};
  const issue = result.error.issues[0];
  const field = issue.path.map(String).join('.');
  return {
    ok: false,
    message: `${describe(issue.path, input)} ${issue.message}.`,
    ...(field ? {field} : {}),
  };
}
