package bayou.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds to a run's results.json how often the schedule planned each corner (see the generators'
 * Corners), as {@code "corners": {"retire-during-pause": 3, ...}}, so a run says which rare
 * states it reached. Kept apart from ResultsFile, which owns the rest of the file.
 */
final class CornerVisits {
  static final String FIELD = "corners";

  private CornerVisits() {}

  static void addTo(Path runDir, Map<String, Long> visits) {
    Path file = runDir.resolve("results.json");
    if (!Files.isRegularFile(file)) {
      return;
    }
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> json = mapper.readValue(file.toFile(), LinkedHashMap.class);
      json.put(FIELD, visits);
      mapper.writeValue(file.toFile(), json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot add corner visits to " + file, e);
    }
  }
}
