package bayou.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server's disk log: records come back in order, and a torn tail is cut off, not read. */
class DiskLogTest {
  @TempDir
  Path dir;

  private DiskLog log(Path file) {
    return new DiskLog(file, DiskLog.Fsync.ALWAYS);
  }

  @Test
  void recordsComeBackInOrderAcrossAppends() throws IOException {
    Path file = dir.resolve("s.log");
    try (DiskLog log = log(file)) {
      log.append(List.of("{\"k\":\"a\"}", "{\"k\":\"b\"}"));
      log.append(List.of("{\"k\":\"c\"} é"));
    }
    assertEquals(List.of("{\"k\":\"a\"}", "{\"k\":\"b\"}", "{\"k\":\"c\"} é"),
        log(file).recover());
    assertEquals(List.of(), log(dir.resolve("missing.log")).recover());
  }

  /** Every way a crash can tear the last append: the whole records before it survive. */
  @Test
  void aTornTailIsCutOffAndAppendsContinueAfterTheLastWholeRecord() throws IOException {
    for (int cut = 1; cut < DiskLog.HEADER_BYTES + 6; cut++) {
      Path file = dir.resolve("torn" + cut + ".log");
      try (DiskLog log = log(file)) {
        log.append(List.of("first", "second"));
        log.append(List.of("torn!"));
      }
      long whole = Files.size(file) - (DiskLog.HEADER_BYTES + 5);
      try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(Files.size(file) - cut); // the crash came mid-append
      }
      assertEquals(List.of("first", "second"), log(file).recover(), "cut " + cut);
      assertEquals(whole, Files.size(file), "the torn bytes are gone, cut " + cut);
      try (DiskLog log = log(file)) {
        log.append(List.of("after"));
      }
      assertEquals(List.of("first", "second", "after"), log(file).recover(), "cut " + cut);
    }
  }

  @Test
  void aRecordWhoseChecksumFailsEndsTheLog() throws IOException {
    Path file = dir.resolve("flipped.log");
    try (DiskLog log = log(file)) {
      log.append(List.of("kept", "flipped", "after"));
    }
    byte[] bytes = Files.readAllBytes(file);
    int second = DiskLog.HEADER_BYTES + 4;
    bytes[second + DiskLog.HEADER_BYTES] ^= 1; // one bit of "flipped" on the disk
    Files.write(file, bytes);
    assertEquals(List.of("kept"), log(file).recover());
  }

  @Test
  void aLengthBeyondTheFileIsATornHeaderNotARecord() throws IOException {
    Path file = dir.resolve("length.log");
    try (DiskLog log = log(file)) {
      log.append(List.of("kept"));
    }
    Files.write(file, ByteBuffer.allocate(8).putInt(1 << 30).putInt(0).array(),
        StandardOpenOption.APPEND);
    assertEquals(List.of("kept"), log(file).recover());
    assertEquals(DiskLog.HEADER_BYTES + 4, Files.size(file));
  }
}
