package bayou.harness;

import bayou.history.HistorySink;
import bayou.history.NemesisEvent;
import bayou.history.OpEvent;
import bayou.history.SnapshotEvent;
import bayou.history.HistoryEvent;
import bayou.history.HistoryJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A history's fingerprint, taken as it is recorded: SHA-256 over every event's export line
 * (index, time and every field, maps sorted), so two runs with the same digest recorded the same
 * history, and {@code history export} of it hashes to the same value. Costs no second reading.
 */
final class HistoryDigest implements HistorySink {
  private final HistorySink sink;
  private final MessageDigest sha;
  private final OutputStream bytes;

  HistoryDigest(HistorySink sink) {
    this.sink = sink;
    try {
      this.sha = MessageDigest.getInstance("SHA-256");
      this.bytes = new DigestOutputStream(OutputStream.nullOutputStream(), sha);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  @Override
  public synchronized OpEvent record(OpEvent event) {
    return add(sink.record(event));
  }

  @Override
  public synchronized NemesisEvent record(NemesisEvent event) {
    return add(sink.record(event));
  }

  @Override
  public synchronized SnapshotEvent record(SnapshotEvent event) {
    return add(sink.record(event));
  }

  private <T extends HistoryEvent> T add(T recorded) {
    HistoryJson.writeLine(recorded, bytes);
    try {
      bytes.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a null stream does not fail
    }
    return recorded;
  }

  /** The digest of everything recorded so far, in hex. */
  synchronized String hex() {
    try {
      return HexFormat.of().formatHex(((MessageDigest) sha.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    sink.close();
  }
}
