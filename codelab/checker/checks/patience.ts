/**
 * How long a check may wait for something, at most `ms`. A learner's app gets every wait in
 * full. The self-test's run on the bare starter, where nothing will ever come, sets
 * `CHECK_PATIENCE_MS` to cap them all: it proves each check fails without sitting out each
 * wait.
 */
export function patience(ms: number): number {
  const cap = Number(process.env.CHECK_PATIENCE_MS);
  return cap > 0 ? Math.min(ms, cap) : ms;
}
