// #region draw
/** The diagram's lifelines, left to right: this page, the hub, the other peers of the room. */
const LANES = ['You', 'Hub', 'Room'] as const;

/**
 * Draws one signaling event in the sequence diagram `list` as an arrow with its name and a
 * summary of its payload: from this page to the hub when sent (`out`), back when received
 * (`in`). A `relay` travels through the hub to the other peers, so its arrow spans all three.
 */
export function drawEvent(
  list: HTMLOListElement,
  direction: 'out' | 'in',
  event: string,
  payload?: unknown,
): void {
  const lanes = event === 'relay' ? [...LANES] : LANES.slice(0, 2);
  const row = document.createElement('li');
  row.dataset.event = event;
  row.className = direction;
  row.style.setProperty('--lanes', String(lanes.length)); // how many lifelines the arrow spans
  const route = direction === 'out' ? lanes : lanes.reverse();
  const name = Object.assign(document.createElement('b'), { textContent: event });
  const summary = Object.assign(document.createElement('span'), {
    textContent: summarize(payload),
  });
  row.append(`${route.join(' → ')}: `, name, ' ', summary);
  list.append(row);
  row.scrollIntoView({ block: 'nearest' });
}
// #endregion draw

// #region summarize
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A payload as one line of JSON: peer ids shortened, the secret token hidden, cut at `max`. */
export function summarize(payload: unknown, max = 160): string {
  if (payload === undefined) return '';
  const json = JSON.stringify(payload, (key, value: unknown) => {
    if (key === 'token') return '(secret)';
    return typeof value === 'string' && UUID.test(value) ? value.slice(0, 4) : value;
  });
  return json.length > max ? `${json.slice(0, max - 1)}…` : json;
}
// #endregion summarize
