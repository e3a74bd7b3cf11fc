package bayou.history;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Histories as JSON lines: one object per event with Jepsen's field names ({@code index},
 * {@code time} in ns, {@code type}, {@code process}, {@code f}, {@code key}, {@code value}, ...).
 * Streamed with Jackson's generator and parser; no trees are built.
 *
 * <p>Export, import and export again gives the same bytes.
 */
public final class HistoryJson {
  private static final JsonFactory JSON = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private HistoryJson() {}

  /**
   * Writes every event of the history in runDir to out, one JSON object per line, in index order.
   * Flushes out but does not close it.
   *
   * @return the number of events written
   * @throws IllegalArgumentException if runDir holds no history
   */
  public static long export(Path runDir, OutputStream out) {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      // Lines are separated by our '\n'; Jackson's default separator would start each with ' '.
      g.setRootValueSeparator(null);
      long[] count = {0};
      HistoryReader.forEach(runDir, e -> {
        try {
          JsonEventWriter.write(g, e);
          g.writeRaw('\n');
        } catch (IOException ex) {
          throw new UncheckedIOException(ex);
        }
        count[0]++;
      });
      g.flush();
      return count[0];
    } catch (IOException e) {
      throw new UncheckedIOException("cannot export " + runDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a JSON lines file (as {@link #export} writes it) into a new history in
   * {@code runDir/queue}, keeping every event's index and time. Blank lines are skipped; an
   * event without an index gets its position among the events.
   *
   * <p>The queue is built in a hidden directory beside it and renamed into place only when every
   * line was read, so a failed import leaves no history behind.
   *
   * @return the number of events imported
   * @throws IllegalArgumentException naming the file and line if a line is not a valid event,
   *     or if runDir already holds a history
   */
  public static long importJsonl(Path jsonl, Path runDir) {
    if (!Files.isRegularFile(jsonl)) {
      throw new IllegalArgumentException("no such file: " + jsonl);
    }
    if (QueueFiles.holdsHistory(runDir)) {
      throw new IllegalArgumentException(
          runDir.toAbsolutePath() + " already holds a history; import into a new directory");
    }
    boolean createdRunDir = !Files.exists(runDir);
    Path staging = null;
    boolean done = false;
    try {
      Files.createDirectories(runDir);
      staging = Files.createTempDirectory(runDir, "." + QueueFiles.QUEUE_DIR + "-import-");
      long count;
      try (QueueWriter writer = new QueueWriter(staging)) {
        count = copy(jsonl, writer);
      }
      // Same directory, so a rename: the history appears whole or not at all.
      Files.move(staging, QueueFiles.queueDir(runDir), StandardCopyOption.ATOMIC_MOVE);
      done = true;
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot import " + jsonl + " into " + runDir + ": " + e, e);
    } finally {
      if (!done) {
        cleanUp(staging, createdRunDir ? runDir : null);
      }
    }
  }

  private static long copy(Path jsonl, QueueWriter writer) throws IOException {
    long count = 0;
    long lineNumber = 0;
    try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        writer.write(parse(line, count, jsonl, lineNumber));
        count++;
      }
    }
    return count;
  }

  private static HistoryEvent parse(String line, long position, Path jsonl, long lineNumber)
      throws IOException {
    try (JsonParser p = JSON.createParser(line)) {
      return JsonEventReader.read(p, position);
    } catch (JsonProcessingException e) {
      throw malformed(jsonl, lineNumber, e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      throw malformed(jsonl, lineNumber, e.getMessage());
    }
  }

  private static IllegalArgumentException malformed(Path jsonl, long lineNumber, String why) {
    // Jackson's messages can span lines; an error here is one line.
    String oneLine = String.valueOf(why).replaceAll("\\s*\\R\\s*", " ");
    return new IllegalArgumentException(jsonl + ":" + lineNumber + ": " + oneLine);
  }

  private static void cleanUp(Path staging, Path createdRunDir) {
    try {
      if (staging != null) {
        FileTrees.delete(staging);
      }
      if (createdRunDir != null) {
        Files.deleteIfExists(createdRunDir);
      }
    } catch (IOException e) {
      // The import already failed with the error that matters; a leftover hidden staging
      // directory does not look like a history.
    }
  }
}
