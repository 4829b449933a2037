/**
 * The protocol's numbers and rules that a browser page needs too. This module imports nothing,
 * so a page that only uses SignalingClient does not bundle the schema library the server uses.
 */

// #region limits
export const PROTOCOL_VERSION = 1;

/** Room names: 1–64 letters, digits, `.`, `_` or `-`, starting with a letter or digit. */
export const ROOM_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The room-name rule in words, as the server says it when it refuses a name. */
export const ROOM_NAME_RULE =
  'Room names are 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit.';

/** How many peers a room holds. */
export const ROOM_CAPACITY = {
  min: 2,
  /** A room whose creator does not ask for a size. */
  default: 2,
  /** The largest room a creator may ask for, unless the hub allows more. */
  max: 16,
  /** The most any hub may allow (`--room-capacity`): larger requests are invalid messages. */
  ceiling: 64,
} as const;
// #endregion limits
