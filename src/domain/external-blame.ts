/**
 * Phrases that explain a miss with factors outside the team's control. The
 * playbook allows them as one sentence of context, never as the explanation,
 * so the sidebar nudges the CRO when a Yellow or Red reason leans on them.
 * Pure: the sidebar shows the nudge as the CRO types, the server repeats it.
 */

interface BlamePattern {
  /** How the nudge quotes it back to the CRO. */
  phrase: string;
  pattern: RegExp;
}

const PATTERNS: readonly BlamePattern[] = [
  {phrase: 'macro', pattern: /\bmacro(?:[- ]?economic\w*|s)?\b/i},
  {phrase: 'headwinds', pattern: /\bhead[- ]?winds?\b/i},
  {
    phrase: 'longer sales cycles',
    pattern:
      /\b(?:longer|lengthening|elongated|extended|slower)\s+(?:sales\s+|buying\s+)?cycles?\b|\b(?:sales|buying)\s+cycles?\s+(?:are\s+|got\s+|getting\s+)?(?:longer|lengthen\w*|slow\w*)/i,
  },
  {
    phrase: 'customer caution',
    pattern:
      /\b(?:customer|buyer|client)s?['’]?\s+(?:(?:are|were|got|grew|became|remain(?:ed)?|stayed)\s+)?(?:caution|cautious\w*|hesitan\w*|nervous)|\bcautious\s+(?:customers?|buyers?|clients?)\b/i,
  },
  // "market" and "markets", but not "marketing" (\b) nor an internal go-to-market motion.
  {phrase: 'market', pattern: /(?<!to[- ])\bmarkets?\b/i},
  {
    phrase: 'the economy',
    pattern:
      /\beconomy\b|\beconomic\s+(?:climate|conditions|uncertainty|downturn)\b|\brecession\b|\bdownturn\b/i,
  },
  {
    phrase: 'budget freezes',
    pattern: /\bbudgets?\s+(?:freezes?|frozen|cuts?)\b/i,
  },
];

/** The external-factor phrases a reason leans on, in the order of the list above; empty when none. */
export function externalBlame(reason: string): string[] {
  return PATTERNS.filter(p => p.pattern.test(reason)).map(p => p.phrase);
}

/** The nudge shown beside a reason that leans on external factors ('' when it does not). */
export function externalBlameNudge(reason: string): string {
  const found = externalBlame(reason);
  if (found.length === 0) return '';
  const quoted = found.map(p => `“${p}”`).join(', ');
  return `${quoted}: outside factors are context in one sentence at most, never the explanation. Name what we did or did not do.`;
}
