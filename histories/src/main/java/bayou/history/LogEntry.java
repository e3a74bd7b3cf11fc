package bayou.history;

/**
 * One write in a server's log snapshot.
 *
 * @param csn the commit sequence number (1, 2, ...), or -1 when tentative
 * @param op {@code PUT}, {@code DELETE}, {@code CREATE} or {@code RETIRE}
 * @param key the song for PUT/DELETE, the server name for CREATE/RETIRE
 * @param value the URL for PUT, else null
 */
public record LogEntry(WriteId id, long csn, String op, String key, String value) {
  public LogEntry {
    if (id == null || op == null) {
      throw new IllegalArgumentException("a log entry needs an id and an op");
    }
  }

  public boolean committed() {
    return csn > 0;
  }
}
