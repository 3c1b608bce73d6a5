/** Refusals the sidebar shows next to the field they name; nothing was written when one is returned. */
import type {Refusal} from '../../domain/sidebar/types';

export function refuse(message: string, field?: string): Refusal {
  return field === undefined
    ? {ok: false, message}
    : {ok: false, message, field};
}

/** The row changed since the sidebar loaded it: never overwrite, say so. */
export function staleRefusal(what: string, field?: string): Refusal {
  return refuse(
    `${what} changed since the sidebar loaded it (in the sheet, or from another sidebar), so nothing was saved. Reload the sidebar to see the change, then try again.`,
    field,
  );
}

/** The week turned since the sidebar loaded: what was typed belongs to the week it was loaded for. */
export function weekMovedRefusal(
  loaded: string,
  now: string,
  to: string,
): Refusal {
  return refuse(
    `The sidebar was loaded for the week ending ${loaded}; this week ends ${now}. Reload the sidebar to ${to}.`,
    'weekEnding',
  );
}

/** The person running the sidebar, as Graded By records them. */
export {currentUser} from '../session';
