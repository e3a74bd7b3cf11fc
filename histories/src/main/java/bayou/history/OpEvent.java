package bayou.history;

import java.util.Map;

/**
 * A client operation event (Jepsen style): an {@code INVOKE}, then one {@code OK}, {@code FAIL}
 * or {@code INFO} with the same process, f and key.
 *
 * <p>Completion metadata that the checkers need (all may be null on an invoke or when unknown):
 * {@code vv} the serving server's version vector at the reply; {@code writeId} the id of an
 * accepted put or delete; {@code readFrom} for a get, the write behind the answer (the put whose
 * value was returned, the delete that made it {@code ERR_KEY}, or null when no write touched the
 * key); {@code readSet}/{@code writeSet} the client's session vectors after the operation;
 * {@code commits} for an ok get, how many writes the serving server had committed at the reply
 * (with {@code vv}, it names that server's log exactly; null in histories made before it);
 * {@code floor} how many commits a server must hold to serve the session after the operation:
 * it stands in for retired servers the client dropped from its sets (null when none).
 *
 * @param process the client's master id
 * @param f {@code put}, {@code get} or {@code delete}
 * @param value a put's URL; a get's returned URL (null for ERR_KEY / ERR_DEP)
 * @param error null, {@code ERR_KEY}, {@code ERR_DEP}, {@code dropped}, {@code timeout},
 *     {@code no-server}
 * @param server the serving server's master id, or -1
 * @param serverName the serving server's Bayou name, or null
 */
public record OpEvent(
    long index,
    long timeNanos,
    OpType type,
    int process,
    String f,
    String key,
    String value,
    String error,
    int server,
    String serverName,
    Map<String, Long> vv,
    WriteId writeId,
    WriteId readFrom,
    Map<String, Long> readSet,
    Map<String, Long> writeSet,
    Long commits,
    Long floor)
    implements HistoryEvent {
  public OpEvent {
    if (type == null || f == null) {
      throw new IllegalArgumentException("an operation needs a type and an f, got " + type + "/" + f);
    }
  }

  /** An event of a session without a commit floor. */
  public OpEvent(long index, long timeNanos, OpType type, int process, String f, String key,
      String value, String error, int server, String serverName, Map<String, Long> vv,
      WriteId writeId, WriteId readFrom, Map<String, Long> readSet, Map<String, Long> writeSet,
      Long commits) {
    this(index, timeNanos, type, process, f, key, value, error, server, serverName, vv, writeId,
        readFrom, readSet, writeSet, commits, null);
  }

  /** An event without the serving server's commit count (an invoke, a write, an old history). */
  public OpEvent(long index, long timeNanos, OpType type, int process, String f, String key,
      String value, String error, int server, String serverName, Map<String, Long> vv,
      WriteId writeId, WriteId readFrom, Map<String, Long> readSet, Map<String, Long> writeSet) {
    this(index, timeNanos, type, process, f, key, value, error, server, serverName, vv, writeId,
        readFrom, readSet, writeSet, null, null);
  }

  /** A new invocation, before it has an index or time. */
  public static OpEvent invoke(int process, String f, String key, String value) {
    return new OpEvent(-1, -1, OpType.INVOKE, process, f, key, value, null, -1, null, null, null,
        null, null, null);
  }

  /** This event with its place in the history. */
  public OpEvent at(long newIndex, long newTimeNanos) {
    return new OpEvent(newIndex, newTimeNanos, type, process, f, key, value, error, server,
        serverName, vv, writeId, readFrom, readSet, writeSet, commits, floor);
  }
}
