import type { z } from 'zod';

/** Turns schema issues into one sentence naming the fields, e.g. `join: "room" is required`. */
export function describeIssues(event: string, issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 3).map((issue) => {
    const field = issue.path.length > 0 ? `"${issue.path.join('.')}"` : 'the message';
    return `${field}: ${issue.message}`;
  });
  return `The "${event}" message is not valid — ${parts.join('; ')}.`;
}
