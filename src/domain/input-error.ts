/**
 * Bad input found by the pure domain parsers (a missing header, a cell that is
 * not a date, milestones that do not parse). It carries the sheet row when
 * there is one, so each caller (a custom function, the slip check) can prefix
 * its own name and keep the row: `GATE_CHECK: row 7: ...`.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly row?: number,
  ) {
    super(message);
    // A plain "Error" to Sheets and to other realms: the row is in the message.
    this.name = 'Error';
  }
}

/** A recorded cell that is not what the add-on wrote: "Grades Data is not the list of grades this add-on records: …". */
export const edited = (what: string) =>
  new Error(
    `${what} this add-on records: the row was edited; run Verify scorecard record.`,
  );
