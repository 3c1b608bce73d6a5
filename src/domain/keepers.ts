/**
 * The keepers of the record: who may write Scorecard, Delivery Log and Deal
 * History. Everyone else (a rep who edits Deals, say) may read the record but
 * never change it. Pure: the services gather who is who.
 */
import {caseless} from './words';

export interface KeeperFacts {
  owner: string;
  /** Whoever ran set-up first, when known (document properties). */
  setUpBy?: string;
  /** The CRO Email setting. */
  croEmail: string;
  /** The schedule's installer, when there is a schedule. */
  installer?: string;
  /** The Record Keepers setting. */
  listed: readonly string[];
}

/** Every keeper once, in the order above (case and spaces ignored). */
export function recordKeepers(facts: KeeperFacts): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const email of [
    facts.owner,
    facts.setUpBy ?? '',
    facts.croEmail,
    facts.installer ?? '',
    ...facts.listed,
  ]) {
    const k = caseless(email);
    if (k === '' || seen.has(k)) continue;
    seen.add(k);
    out.push(email.trim());
  }
  return out;
}

export function isKeeper(keepers: readonly string[], email: string): boolean {
  return keepers.some(k => caseless(k) === caseless(email));
}

/** The editors a protection should gain and lose to hold exactly the keepers (the owner always stays). */
export function protectionChanges(
  current: readonly string[],
  keepers: readonly string[],
  owner: string,
): {add: string[]; remove: string[]} {
  return {
    add: keepers.filter(k => !isKeeper(current, k)),
    remove: current.filter(
      e => !isKeeper(keepers, e) && caseless(e) !== caseless(owner),
    ),
  };
}

/**
 * Why `who` cannot write the record and who can let them, said instead of
 * Sheets' raw protection error: a keeper already listed waits for the
 * protection's refresh, anyone else must be added by one of the others. The
 * words are in src/templates/keeper-words.html.
 */
export const keeperRefusal = (who: string, keepers: readonly string[]) => ({
  listed: isKeeper(keepers, who),
  others: keepers.filter(k => caseless(k) !== caseless(who)),
});
