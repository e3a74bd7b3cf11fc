package bayou.checker;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes check verdicts into a run's {@code results.json} without destroying what a campaign
 * recorded there (seed, repeat command, options, counts, minimal script): only {@code valid},
 * {@code checkers} and {@code checked-at} are replaced, every other field is kept.
 */
final class ResultsJson {
  /** Written beside a results.json that cannot be parsed, so the original is never lost. */
  static final String BESIDE_FILE = "results.check.json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ResultsJson() {}

  /** Merges the verdicts into file (or writes it); returns the file actually written. */
  static Path merge(Path file, List<CheckResult> results) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    Path target = file;
    if (Files.exists(file)) {
      try {
        json = MAPPER.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {
        });
      } catch (IOException e) {
        target = file.resolveSibling(BESIDE_FILE); // unreadable: keep it as it is
        json = new LinkedHashMap<>();
      }
    }
    json.putAll(ResultsReport.toJson(results));
    json.put("checked-at", Instant.now().toString());
    MAPPER.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), json);
    return target;
  }
}
