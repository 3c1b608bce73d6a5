/**
 * The few zod checks this add-on needs, as refinements. zod/mini's built-in
 * checks (lengths, int, gte, regex, email, trim, union) would add about 7 KB,
 * its string, number and enum schemas 2 KB
 * to Code.js, which Apps Script re-parses before every custom-function call;
 * refine is already in the bundle, and each check still carries its own words.
 */
import type * as Z from 'zod/mini';
import {z} from './zod';

type Message = string | Z.core.$ZodCustomParams;

export const lengthAtMost = (max: number, message: Message) =>
  z.refine<{length: number}>(v => v.length <= max, message);

export const lengthAtLeast = (min: number, message: Message) =>
  z.refine<{length: number}>(v => v.length >= min, message);

export const atLeast = (min: number, message: Message) =>
  z.refine<number>(n => n >= min, message);

export const atMost = (max: number, message: Message) =>
  z.refine<number>(n => n <= max, message);

export const whole = (message: Message) =>
  z.refine<number>(n => Number.isInteger(n), message);

/** Text, else the message (as z.string(), which adds 0.5 KB). */
export const string = (message?: Message) =>
  z.custom<string>(v => typeof v === 'string', message);

/** A finite number, else the message (as z.number(), which adds 0.6 KB). */
export const finite = (message: Message) =>
  z.custom<number>(v => typeof v === 'number' && Number.isFinite(v), message);

/** One of `values`, else the message (as z.enum(), which adds 1 KB). */
export const oneOf = <T extends string>(
  values: readonly T[],
  message: Message,
) => z.custom<T>(v => values.includes(v as T), message);

export const matches = (pattern: RegExp, message: Message) =>
  z.refine<string>(s => pattern.test(s), message);

/** The address shape zod's own email check accepts. */
const EMAIL =
  /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

export const isEmail = (s: string) => EMAIL.test(s);
