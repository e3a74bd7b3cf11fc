package bayou.replica;

import bayou.history.LogEntry;
import bayou.history.WriteId;

/**
 * One Bayou write as it travels and sits in a log: its accept-stamp and acceptor, its operation,
 * and its CSN (0 while tentative). Flat so that it serialises compactly.
 */
public record Write(long stamp, String acceptor, String op, String key, String value, long csn) {
  public static final String PUT = "PUT";
  public static final String DELETE = "DELETE";
  public static final String CREATE = "CREATE";
  public static final String RETIRE = "RETIRE";

  public Write {
    if (acceptor == null || op == null || key == null) {
      throw new IllegalArgumentException("a write needs an acceptor, an op and a key");
    }
    if (op.equals(PUT) && value == null) {
      throw new IllegalArgumentException("a PUT needs a value: " + key);
    }
    if (!op.equals(PUT) && !op.equals(DELETE) && !op.equals(CREATE) && !op.equals(RETIRE)) {
      throw new IllegalArgumentException("a write's op is PUT, DELETE, CREATE or RETIRE, not "
          + (op.length() > 20 ? op.substring(0, 20) + "..." : op));
    }
    if (stamp < 0 || csn < 0) {
      throw new IllegalArgumentException("a write's stamp and CSN are >= 0, got " + stamp
          + " and " + csn);
    }
    acceptor = Names.canonical(acceptor);
    if (op.equals(CREATE) || op.equals(RETIRE)) {
      key = Names.canonical(key);
    }
  }

  public WriteId id() {
    return new WriteId(stamp, acceptor);
  }

  public boolean committed() {
    return csn > 0;
  }

  Write withCsn(long newCsn) {
    return newCsn == csn ? this : new Write(stamp, acceptor, op, key, value, newCsn);
  }

  /** A write's encoding beyond its strings: field names, stamp, CSN, punctuation. */
  public static final long OVERHEAD_BYTES = 80;

  /**
   * About how long this write's encoding is, counting characters as bytes: what cuts logs into
   * chunks that fit the wire's lines ({@code bayou.protocol.LogSlices}).
   */
  public long estimatedBytes() {
    return OVERHEAD_BYTES + acceptor.length() + key.length()
        + (value == null ? 0 : value.length());
  }

  boolean isData() {
    return op.equals(PUT) || op.equals(DELETE);
  }

  /** The course's printLog line, for PUT and DELETE. */
  public String courseLine() {
    String body = op.equals(PUT) ? key + ", " + value : key;
    return op + ":(" + body + "):" + (committed() ? "TRUE" : "FALSE");
  }

  public LogEntry toLogEntry() {
    return new LogEntry(id(), committed() ? csn : -1, op, key, value);
  }
}
