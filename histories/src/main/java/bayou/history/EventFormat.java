package bayou.history;

/**
 * The binary form of one event, one queue document per event; {@link EventEncoder} writes it and
 * {@link EventDecoder} reads it. Hand-written rather than Chronicle's self-describing wire: it is
 * several times faster and a fraction of the size.
 *
 * <p>A document is a tag byte (kind and format version), the stop-bit index and time, then the
 * kind's fields. Nullable fields are announced in a stop-bit presence mask and otherwise take no
 * bytes. Ints that use -1 for "none" are stored plus one, so "none" takes one byte, not two.
 * Strings are UTF-8 (song names need not be Latin-1). Maps are a stop-bit size then key/value
 * pairs in key order, so the same event always gives the same bytes (a history's digest is over
 * them).
 *
 * <p>A snapshot's committed log usually repeats the one in the same server's previous snapshot and
 * adds a few writes. With {@code COMMITTED_DELTA} it is written as the length of the prefix it
 * shares with that previous snapshot (compared entry by entry, so any difference, a defect's
 * included, is written out) followed by the rest: snapshots cost what changed, not the log.
 *
 * <p>Strings that repeat (f, keys, server names, version-vector keys, errors, ...) are symbols: the
 * first occurrence in the queue is written in full and numbered, later ones are just the number.
 * That keeps events small and lets a reader share one String per symbol, which matters when a
 * checker holds a whole history in memory. The price: a queue must be read from its start, which
 * is how every reader here reads it. A definition is in the same document as its first use, so
 * any prefix of complete documents decodes on its own (a killed writer's queue included).
 */
final class EventFormat {
  // Tags: kind in the low nibble, format version 1 in the high nibble. A new layout gets new tags.
  static final byte OP = 0x11;
  static final byte NEMESIS = 0x12;
  static final byte SNAPSHOT = 0x13;
  /**
   * A piece of an event too large for one document (a queue document holds at most a quarter of
   * a block): stop bit (pieces still to come), then the piece's bytes. The pieces of one event
   * are consecutive documents; their bytes together are the event's usual encoding. An event
   * whose last piece never came (a killed writer) is not in the history.
   */
  static final byte PIECE = 0x14;
  /** The largest document a piece fills: well under a quarter of {@code QueueFiles}' block. */
  static final int PIECE_BYTES = 128 * 1024;

  // OpEvent presence bits.
  static final int KEY = 1;
  static final int VALUE = 1 << 1;
  static final int ERROR = 1 << 2;
  static final int SERVER_NAME = 1 << 3;
  static final int VV = 1 << 4;
  static final int WRITE_ID = 1 << 5;
  static final int READ_FROM = 1 << 6;
  static final int READ_SET = 1 << 7;
  static final int WRITE_SET = 1 << 8;
  /** Added later: histories without it read back with null commits. */
  static final int COMMITS = 1 << 9;
  /** Added later: the session's commit floor (null when none). */
  static final int FLOOR = 1 << 10;

  // NemesisEvent presence bits.
  static final int NAME = 1;
  static final int DETAIL = 1 << 1;

  // SnapshotEvent presence bits; the primary flag rides along to save a byte.
  static final int SNAPSHOT_SERVER_NAME = 1;
  static final int REASON = 1 << 1;
  static final int PRIMARY = 1 << 2;
  static final int COMMITTED_DELTA = 1 << 3;
  /** The tentative part equals the same server's in its previous snapshot: no entries follow. */
  static final int TENTATIVE_SAME = 1 << 4;
  /**
   * The tentative part starts with a run of the same server's previous one: stop-bit where the
   * run starts there and its length, then the entries after it. Commits take writes off the
   * front and new writes mostly join at the end, so under a long partition a snapshot costs the
   * writes that came, not the whole tentative part again.
   */
  static final int TENTATIVE_DELTA = 1 << 5;
  /**
   * The committed delta is against another server's previous snapshot, whose id (stop bit)
   * follows: a new server's log is a copy of its creator's, so its first snapshot costs what
   * it adds to a log already written, not the whole log again.
   */
  static final int COMMITTED_BASE = 1 << 6;
  /**
   * The nemesis step after which a server's previous snapshot is no longer a base for deltas:
   * writer and reader both forget it there, so a long run does not keep every retired server's
   * log (both see the same events, so they agree).
   */
  static final String FORGETS_BASE = "retireServer";

  // LogEntry presence bits.
  static final int ENTRY_KEY = 1;
  static final int ENTRY_VALUE = 1 << 1;

  // A symbol is written as a stop-bit code: n > 0 refers to symbol n-1; DEFINE is followed by
  // the string, which becomes the next symbol; LITERAL is followed by a string that is not one.
  static final long DEFINE = 0;
  static final long LITERAL = -1;

  /**
   * Symbols per queue. Past this (keys that never repeat, say) strings are written in full, so
   * neither side's table grows without bound.
   */
  static final int MAX_SYMBOLS = 1 << 16;

  private EventFormat() {}
}
