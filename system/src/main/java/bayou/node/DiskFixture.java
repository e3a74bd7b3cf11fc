package bayou.node;

import bayou.protocol.Durable;
import bayou.replica.Names;
import bayou.replica.Write;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a large log onto the disk of a killed root server, as if it had committed that many
 * puts, for the restart benchmark ({@code bin/bayou bench restart}): growing a log through
 * client puts takes far longer than the restart it measures.
 */
public final class DiskFixture {
  private DiskFixture() {}

  /**
   * Appends {@code writes} committed puts by the root server (CSN 1 upwards, stamps below
   * {@code lastStamp}) and its state, to a root server's disk file that holds no writes yet.
   */
  public static void appendRootPuts(Path file, int writes, long lastStamp) {
    List<String> records = new ArrayList<>(writes + 1);
    long first = lastStamp - writes;
    for (int i = 0; i < writes; i++) {
      records.add(Durable.encode(Durable.write(new Write(first + i + 1, Names.ROOT, Write.PUT, "k" + i % 1000,
          "https://example.org/song/" + i, i + 1))));
    }
    records.add(Durable.encode(
        Durable.state(Names.ROOT, true, false, Map.of(Names.ROOT, lastStamp))));
    try (DiskLog disk = new DiskLog(file, DiskLog.Fsync.ALWAYS)) {
      disk.recover(); // cut a torn tail, if any, first
      disk.append(records);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
