import type { z } from 'zod';
import { plainText, quoteText } from './describe-value.ts';

/** Turns schema issues into one sentence naming the fields, e.g. `join: "room" is required`. */
export function describeIssues(event: string, issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 3).map((issue) => {
    // Paths and messages can carry the sender's own keys: quote them, cut to a readable length.
    const path = issue.path.map((key) => (typeof key === 'symbol' ? '[symbol]' : String(key)));
    const field = path.length > 0 ? quoteText(path.join('.')) : 'the message';
    return `${field}: ${plainText(issue.message, 120)}`;
  });
  return `The "${event}" message is not valid — ${parts.join('; ')}.`;
}
