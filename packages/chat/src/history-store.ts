import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { messageSchema, type ChatMessage } from './chat-frames.ts';
import type { ChatEntry } from './message-log.ts';

/** A message as IndexedDB keeps it, with the receipts worth keeping (not `queued` or `sent`). */
export interface StoredEntry {
  room: string;
  message: ChatMessage;
  /** [member's author key, state]: pairs, not an object, so no key can be `__proto__`. */
  receipts: [string, 'delivered' | 'read'][];
}

/** What is kept of an entry: the message, and only the receipts that last (delivered, read). */
export function toStored({ message, receipts }: ChatEntry): Omit<StoredEntry, 'room'> {
  const kept = [...receipts].filter(
    (pair): pair is [string, 'delivered' | 'read'] => pair[1] === 'delivered' || pair[1] === 'read',
  );
  return { message, receipts: kept };
}

interface ChatDatabase extends DBSchema {
  messages: {
    key: [string, string];
    value: StoredEntry;
    indexes: { order: [string, number, string, string] };
  };
}

export const DATABASE_NAME = 'peerlab-chat';

// #region history
/**
 * One room's history in IndexedDB (through `idb`, a thin promise wrapper). Writes are gathered
 * and made in one transaction a turn later: a backlog of thousands of messages is one write,
 * not thousands.
 */
export class HistoryStore {
  readonly #pending = new Map<string, StoredEntry>();
  #flushing: Promise<void> = Promise.resolve();
  #timer: ReturnType<typeof setTimeout> | undefined;

  private constructor(
    private readonly db: IDBPDatabase<ChatDatabase>,
    readonly room: string,
  ) {}

  static async open(room: string, name = DATABASE_NAME): Promise<HistoryStore> {
    const db = await openDB<ChatDatabase>(name, 1, {
      upgrade(db) {
        const store = db.createObjectStore('messages', { keyPath: ['room', 'message.id'] });
        // IndexedDB sorts by this key: every peer's order, straight from the disk.
        store.createIndex('order', ['room', 'message.clock', 'message.author', 'message.id']);
      },
    });
    return new HistoryStore(db, room);
  }

  /**
   * The room's messages in order. Each is checked again: the database outlives versions. Read a
   * page at a time, with the main thread free in between: 10,000 messages at once would hold
   * it for longer than a frame.
   */
  async load(pageSize = 1000): Promise<StoredEntry[]> {
    const entries: StoredEntry[] = [];
    let range = IDBKeyRange.bound([this.room], [this.room, []]);
    for (;;) {
      const page = await this.db.getAllFromIndex('messages', 'order', range, pageSize);
      entries.push(...page.filter((entry) => messageSchema.safeParse(entry.message).success));
      const last = page.at(-1);
      if (page.length < pageSize || !last) return entries;
      const { clock, author, id } = last.message;
      range = IDBKeyRange.bound([this.room, clock, author, id], [this.room, []], true);
      await new Promise((resolve) => setTimeout(resolve));
    }
  }

  /** Saves (or updates) an entry soon; `saved()` resolves once it is on disk. */
  save(entry: Omit<StoredEntry, 'room'>): void {
    this.#pending.set(entry.message.id, { ...entry, room: this.room });
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      const batch = [...this.#pending.values()];
      this.#pending.clear();
      // A failed write (the disk is full, say) loses that batch, not the page.
      this.#flushing = this.#flushing
        .then(() => this.#write(batch))
        .catch((error: unknown) => console.warn('Chat history not saved:', error));
    });
  }

  /** Resolves once everything saved so far is written. */
  async saved(): Promise<void> {
    while (this.#timer !== undefined || this.#pending.size > 0) {
      await new Promise((resolve) => setTimeout(resolve));
    }
    await this.#flushing;
  }

  /** Forgets the room's history on this device (the peers keep theirs). */
  async clear(): Promise<void> {
    await this.saved();
    const range = IDBKeyRange.bound([this.room], [this.room, []]);
    await this.db.delete('messages', range);
  }

  close(): void {
    this.db.close();
  }

  async #write(batch: StoredEntry[]): Promise<void> {
    const tx = this.db.transaction('messages', 'readwrite');
    await Promise.all([...batch.map((entry) => tx.store.put(entry)), tx.done]);
  }
}
// #endregion history
