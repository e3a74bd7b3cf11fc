package bayou.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A course case split where fuzzing happens: the opening joins, then the rest. The wire fuzzers
 * attack the nodes the joins started and then require the exact expected output.
 */
record CourseCase(String name, List<String> joins, List<String> rest, String expected) {
  /** The course suite's retire_primary_1 when it is there, else this project's own case. */
  static CourseCase load() throws IOException {
    Path root = Path.of(System.getProperty("bayou.root", ".")).toAbsolutePath().normalize();
    Path course = root.resolve("../shared/course-suite").normalize();
    if (Files.isRegularFile(course.resolve("tests/retire_primary_1.test"))) {
      return load(course, "retire_primary_1");
    }
    return load(root, "joinclient_move_keeps_session");
  }

  static CourseCase load(Path dir, String name) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve("tests/" + name + ".test"));
    int split = 0;
    while (split < lines.size() && lines.get(split).startsWith("join")) {
      split++;
    }
    String expected = Files.readString(dir.resolve("solutions/" + name + ".sol"));
    return new CourseCase(name, lines.subList(0, split), lines.subList(split, lines.size()),
        expected);
  }

  /** The ids of the nodes the joins start. */
  List<Integer> nodeIds() {
    List<Integer> ids = new ArrayList<>();
    for (String line : joins) {
      int id = Integer.parseInt(line.trim().split("\\s+")[1]);
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  static String script(List<String> lines) {
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }
}
