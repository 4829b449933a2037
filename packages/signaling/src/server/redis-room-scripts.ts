/**
 * The Redis side of the shared room store, as Lua scripts: Redis runs each one alone, so two
 * hubs seating two peers in a room's last seat at once cannot both get it.
 *
 * Keys, under a prefix (`peerlab:`):
 * - `room:<name>`: a hash, `capacity`, `createdBy` (an address or ''), and one `m:<peerId>`
 *   per member, JSON `{seq, socket, node, away, token}` (`socket` '' while away since `away`
 *   ms; `token` the SHA-256 of its resume token, never the token).
 * - `rooms` (set of names), `peers` (a count), `seq` (join order), `address:<ip>` (rooms
 *   that address created and that are still open).
 * - `alive:<node>` (expires unless the hub renews it), `nodes` (set of ids) and
 *   `node:<id>:members` (`[room, peerId]` of the members that hub seated).
 * Keys are built inside the scripts, so this needs one Redis, not a Redis Cluster.
 */

const HELPERS = `
local prefix = ARGV[1]
local function roomKey(room) return prefix .. 'room:' .. room end
local function nodeSet(node) return prefix .. 'node:' .. node .. ':members' end
local function entry(room, peerId) return cjson.encode({room, peerId}) end

local function peersOf(room, selfId, selfSeq)
  local fields = redis.call('HGETALL', roomKey(room))
  local peers = {}
  for i = 1, #fields, 2 do
    local peerId = string.sub(fields[i], 3)
    if string.sub(fields[i], 1, 2) == 'm:' and peerId ~= selfId then
      local other = cjson.decode(fields[i + 1])
      table.insert(peers, {peerId = peerId, polite = selfSeq > other.seq})
    end
  end
  return cjson.encode(peers)
end

local function removeMember(room, peerId, member)
  local key = roomKey(room)
  redis.call('HDEL', key, 'm:' .. peerId)
  redis.call('SREM', nodeSet(member.node), entry(room, peerId))
  redis.call('DECR', prefix .. 'peers')
  -- Only capacity and createdBy left: the room is empty.
  if redis.call('HLEN', key) > 2 then return end
  local createdBy = redis.call('HGET', key, 'createdBy')
  redis.call('DEL', key)
  redis.call('SREM', prefix .. 'rooms', room)
  if createdBy and createdBy ~= '' then
    if redis.call('DECR', prefix .. 'address:' .. createdBy) <= 0 then
      redis.call('DEL', prefix .. 'address:' .. createdBy)
    end
  end
end

local function memberOf(room, peerId)
  local raw = redis.call('HGET', roomKey(room), 'm:' .. peerId)
  return raw and cjson.decode(raw)
end
`;

/**
 * ARGV: prefix, room, socketId, node, capacity (or ''), default capacity, address (or ''),
 * max rooms per address, resume peer id (or ''), resume token hash, new peer id, new token hash.
 * Returns `{outcome, seq, capacity, replaced socket, peers JSON}`.
 */
export const JOIN_SCRIPT = `${HELPERS}
local room, socketId, node = ARGV[2], ARGV[3], ARGV[4]
local address, resumeId = ARGV[7], ARGV[9]
local key = roomKey(room)
if resumeId ~= '' then
  local member = memberOf(room, resumeId)
  if member and member.token == ARGV[10] then
    local replaced = member.socket
    redis.call('SREM', nodeSet(member.node), entry(room, resumeId))
    member.socket, member.node, member.away = socketId, node, 0
    redis.call('HSET', key, 'm:' .. resumeId, cjson.encode(member))
    redis.call('SADD', nodeSet(node), entry(room, resumeId))
    local capacity = tonumber(redis.call('HGET', key, 'capacity'))
    return {'resumed', member.seq, capacity, replaced, peersOf(room, resumeId, member.seq)}
  end
end
if redis.call('EXISTS', key) == 0 then
  local created = tonumber(redis.call('GET', prefix .. 'address:' .. address) or '0')
  if address ~= '' and created >= tonumber(ARGV[8]) then return {'too-many-rooms'} end
  local capacity = ARGV[5] ~= '' and ARGV[5] or ARGV[6]
  redis.call('HSET', key, 'capacity', capacity, 'createdBy', address)
  redis.call('SADD', prefix .. 'rooms', room)
  if address ~= '' then redis.call('INCR', prefix .. 'address:' .. address) end
end
local capacity = tonumber(redis.call('HGET', key, 'capacity'))
if redis.call('HLEN', key) - 2 >= capacity then return {'room-full', 0, capacity} end
local seq = redis.call('INCR', prefix .. 'seq')
local peerId = ARGV[11]
local member = {seq = seq, socket = socketId, node = node, away = 0, token = ARGV[12]}
redis.call('HSET', key, 'm:' .. peerId, cjson.encode(member))
redis.call('INCR', prefix .. 'peers')
redis.call('SADD', nodeSet(node), entry(room, peerId))
return {'joined', seq, capacity, '', peersOf(room, peerId, seq)}
`;

/** ARGV: prefix, room, peerId, socketId. Removes the member if that socket holds it. */
export const LEAVE_SCRIPT = `${HELPERS}
local member = memberOf(ARGV[2], ARGV[3])
if not member or member.socket ~= ARGV[4] then return 0 end
removeMember(ARGV[2], ARGV[3], member)
return 1
`;

/** ARGV: prefix, room, peerId, socketId, now. Marks the member away if that socket holds it. */
export const MARK_AWAY_SCRIPT = `${HELPERS}
local member = memberOf(ARGV[2], ARGV[3])
if not member or member.socket ~= ARGV[4] then return 0 end
member.socket, member.away = '', tonumber(ARGV[5])
redis.call('HSET', roomKey(ARGV[2]), 'm:' .. ARGV[3], cjson.encode(member))
return 1
`;

/** ARGV: prefix, room, peerId, away since. Removes the member if it is away since then. */
export const EXPIRE_SCRIPT = `${HELPERS}
local member = memberOf(ARGV[2], ARGV[3])
if not member or member.socket ~= '' or member.away ~= tonumber(ARGV[4]) then return 0 end
removeMember(ARGV[2], ARGV[3], member)
return 1
`;

/** ARGV: prefix, room, peerId. The member's socket id, '' if it is away or absent. */
export const SOCKET_SCRIPT = `${HELPERS}
local member = memberOf(ARGV[2], ARGV[3])
return member and member.socket or ''
`;

/**
 * ARGV: prefix, node, ttl ms, now, grace ms. Renews this hub's `alive` key, then sweeps every
 * hub whose key expired: its connected members are marked away now, and those away for
 * longer than the grace period are removed. Returns `{rooms, peers, removed...}`, each
 * removed one `[room, peerId]` JSON, so the room hears `peer-left`.
 */
export const HEARTBEAT_SCRIPT = `${HELPERS}
local node, now, grace = ARGV[2], tonumber(ARGV[4]), tonumber(ARGV[5])
redis.call('SET', prefix .. 'alive:' .. node, '1', 'PX', ARGV[3])
redis.call('SADD', prefix .. 'nodes', node)
local result = {redis.call('SCARD', prefix .. 'rooms'), tonumber(redis.call('GET', prefix .. 'peers') or '0')}
for _, dead in ipairs(redis.call('SMEMBERS', prefix .. 'nodes')) do
  if redis.call('EXISTS', prefix .. 'alive:' .. dead) == 0 then
    local set = nodeSet(dead)
    for _, seat in ipairs(redis.call('SMEMBERS', set)) do
      local room, peerId = unpack(cjson.decode(seat))
      local member = memberOf(room, peerId)
      if not member or member.node ~= dead then
        redis.call('SREM', set, seat)
      elseif member.socket ~= '' then
        member.socket, member.away = '', now
        redis.call('HSET', roomKey(room), 'm:' .. peerId, cjson.encode(member))
      elseif now - member.away >= grace then
        removeMember(room, peerId, member)
        table.insert(result, seat)
      end
    end
    if redis.call('SCARD', set) == 0 then redis.call('SREM', prefix .. 'nodes', dead) end
  end
end
return result
`;
