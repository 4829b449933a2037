import { describe, expect, test } from 'vitest';
import { RESTART_WINDOW_MS, RoomRegistry } from './room-registry.ts';

const limits = { defaultCapacity: 2, maxCapacity: 4 };

function joined(registry: RoomRegistry, room: string, socketId: string, capacity?: number) {
  const outcome = registry.join(room, socketId, { capacity });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome;
}

describe('RoomRegistry', () => {
  test('a room holds its default capacity, then refuses with room-full', () => {
    const registry = new RoomRegistry(limits);
    joined(registry, 'a', 's1');
    joined(registry, 'a', 's2');
    const third = registry.join('a', 's3', {});
    expect(third.ok).toBe(false);
    expect(!third.ok && third.error.code).toBe('room-full');
    expect(!third.ok && third.error.message).toContain('"a" is full (2 of 2');
  });

  test('the creator picks the size, up to the server maximum', () => {
    const registry = new RoomRegistry(limits);
    expect(joined(registry, 'big', 's1', 3).capacity).toBe(3);
    joined(registry, 'big', 's2');
    joined(registry, 'big', 's3');
    expect(registry.join('big', 's4', {}).ok).toBe(false);
    const tooBig = registry.join('huge', 's5', { capacity: 5 });
    expect(!tooBig.ok && tooBig.error.code).toBe('capacity-too-large');
  });

  test('the later joiner is polite toward earlier ones, and the earlier impolite', () => {
    const registry = new RoomRegistry({ defaultCapacity: 3, maxCapacity: 4 });
    const first = joined(registry, 'r', 's1').member;
    const second = joined(registry, 'r', 's2').member;
    expect(registry.peersOf('r', second)).toEqual([{ peerId: first.peerId, polite: true }]);
    expect(registry.peersOf('r', first)).toEqual([{ peerId: second.peerId, polite: false }]);
  });

  test('a dropped member keeps its slot and id, and resumes with its token', () => {
    const registry = new RoomRegistry(limits);
    const first = joined(registry, 'r', 's1').member;
    joined(registry, 'r', 's2');
    registry.markAway('s1');
    expect(registry.connectedMember('r', first.peerId)).toBeUndefined();
    expect(registry.join('r', 's3', {}).ok).toBe(false); // the slot is still held
    const back = registry.join('r', 's1b', {
      resume: { peerId: first.peerId, token: first.token },
    });
    expect(back.ok && back.resumed).toBe(true);
    expect(back.ok && back.member.peerId).toBe(first.peerId);
    expect(registry.lookup('s1b')?.member.peerId).toBe(first.peerId);
  });

  test('a wrong token never takes over a peer id', () => {
    const registry = new RoomRegistry({ defaultCapacity: 3, maxCapacity: 4 });
    const first = joined(registry, 'r', 's1').member;
    const thief = registry.join('r', 's2', {
      resume: { peerId: first.peerId, token: 'x'.repeat(32) },
    });
    expect(thief.ok && thief.member.peerId).not.toBe(first.peerId);
    expect(registry.lookup('s1')?.member.peerId).toBe(first.peerId);
  });

  test('resuming while the old socket is still attached replaces it', () => {
    const registry = new RoomRegistry(limits);
    const first = joined(registry, 'r', 's1').member;
    const back = registry.join('r', 's1b', {
      resume: { peerId: first.peerId, token: first.token },
    });
    expect(back.ok && back.replacedSocketId).toBe('s1');
    expect(registry.lookup('s1')).toBeUndefined();
  });

  test('expire removes only members still away, and empty rooms disappear', () => {
    const registry = new RoomRegistry(limits);
    const first = joined(registry, 'r', 's1').member;
    expect(registry.expire('r', first.peerId)).toBe(false); // still connected
    registry.markAway('s1');
    expect(registry.expire('r', first.peerId)).toBe(true);
    expect(registry.roomCount()).toBe(0);
  });

  test('leave frees the slot at once', () => {
    const registry = new RoomRegistry(limits);
    joined(registry, 'r', 's1');
    joined(registry, 'r', 's2');
    expect(registry.leave('s2')?.room).toBe('r');
    expect(registry.join('r', 's3', {}).ok).toBe(true);
  });

  test('an address may have made maxRoomsPerAddress open rooms; an emptied room frees one', () => {
    const registry = new RoomRegistry({ ...limits, maxRoomsPerAddress: 2 });
    const from = (address: string) => ({ address });
    expect(registry.join('a', 's1', from('10.0.0.1')).ok).toBe(true);
    expect(registry.join('b', 's2', from('10.0.0.1')).ok).toBe(true);
    const third = registry.join('c', 's3', from('10.0.0.1'));
    expect(!third.ok && third.error).toMatchObject({
      code: 'too-many-rooms',
      message: expect.stringContaining('already has 2 rooms open'),
    });
    // Joining a room someone else made, and making rooms from another address, still work.
    expect(registry.join('a', 's4', from('10.0.0.1')).ok).toBe(true);
    expect(registry.join('c', 's5', from('10.0.0.2')).ok).toBe(true);
    registry.leave('s2');
    expect(registry.roomsCreatedBy('10.0.0.1')).toBe(1);
    expect(registry.join('d', 's6', from('10.0.0.1')).ok).toBe(true);
  });

  describe('after a restart (a new registry with the same secret)', () => {
    const secret = 'the hub secret';
    function before() {
      const old = new RoomRegistry(limits, { secret });
      const first = joined(old, 'r', 's1', 3).member;
      const second = joined(old, 'r', 's2').member;
      return { first, second };
    }

    test('takes its peers back with their ids, roles and room size, as resumed', () => {
      const { first, second } = before();
      const restarted = new RoomRegistry(limits, { secret });
      const b = restarted.join('r', 'n2', {
        resume: { peerId: second.peerId, token: second.token },
      });
      const a = restarted.join('r', 'n1', { resume: { peerId: first.peerId, token: first.token } });
      expect(b).toMatchObject({ ok: true, resumed: true, capacity: 3 });
      expect(a).toMatchObject({ ok: true, resumed: true, capacity: 3 });
      if (!a.ok || !b.ok) return;
      expect([a.member.peerId, b.member.peerId]).toEqual([first.peerId, second.peerId]);
      // The first joiner stays impolite toward the second, whoever came back first.
      expect(restarted.peersOf('r', b.member)).toEqual([{ peerId: first.peerId, polite: true }]);
      // A newcomer is later than both, and the room still holds three.
      const c = joined(restarted, 'r', 'n3').member;
      expect(restarted.peersOf('r', c).map((peer) => peer.polite)).toEqual([true, true]);
      expect(restarted.join('r', 'n4', {}).ok).toBe(false);
    });

    test('another secret, another room, or a peer that left since: a new id', () => {
      const { first, second } = before();
      const resume = { peerId: first.peerId, token: first.token };
      expect(
        new RoomRegistry(limits, { secret: 'other' }).join('r', 'n1', { resume }),
      ).toMatchObject({ resumed: false });
      const restarted = new RoomRegistry(limits, { secret });
      expect(restarted.join('elsewhere', 'n1', { resume })).toMatchObject({ resumed: false });
      const back = restarted.join('r', 'n2', {
        resume: { peerId: second.peerId, token: second.token },
      });
      if (!back.ok) throw new Error('not back');
      restarted.leave('n2'); // left for good: its token cannot bring it back
      const again = restarted.join('r', 'n3', {
        resume: { peerId: second.peerId, token: back.member.token },
      });
      expect(again.ok && again.member.peerId).not.toBe(second.peerId);
    });

    test('only just after the start: a token met later gets a new id', () => {
      const { first } = before();
      let now = 1_000_000;
      const restarted = new RoomRegistry(limits, { secret, now: () => now });
      now += RESTART_WINDOW_MS + 1;
      const late = restarted.join('r', 'n1', {
        resume: { peerId: first.peerId, token: first.token },
      });
      expect(late).toMatchObject({ ok: true, resumed: false });
      expect(late.ok && late.member.peerId).not.toBe(first.peerId);
    });
  });
});
