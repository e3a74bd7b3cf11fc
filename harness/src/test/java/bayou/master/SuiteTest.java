package bayou.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import bayou.cluster.NodePool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Course-format cases through the master on real processes, compared exactly: the project's own
 * cases in {@code tests/} and, when {@code ../shared/course-suite} is there, the course suite.
 */
class SuiteTest {
  private static NodePool pool;

  static Path root() {
    return Path.of(System.getProperty("bayou.root", "..")).toAbsolutePath().normalize();
  }

  @BeforeAll
  static void startPool() {
    pool = new NodePool(4, NodePool.defaultNodeJvmArgs());
  }

  @AfterAll
  static void stopPool() {
    pool.close();
  }

  @TestFactory
  Stream<DynamicTest> ownCases() {
    return cases(root());
  }

  @TestFactory
  Stream<DynamicTest> courseSuite() {
    Path course = root().resolve("../shared/course-suite").normalize();
    if (!Files.isDirectory(course)) {
      // a skip is easy to miss in Maven's output; say where the suite was looked for
      System.err.println("SuiteTest: the course suite is skipped: no " + course
          + " (the course's shared folder, next to this checkout; see README)");
    }
    assumeTrue(Files.isDirectory(course), "no course suite at " + course);
    return cases(course);
  }

  private static Stream<DynamicTest> cases(Path dir) {
    Suite suite = new Suite(pool, "");
    List<String> names = Suite.caseNames(dir);
    try {
      suite.plan(dir, names);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      Suite.Result result = suite.run(dir, name, Suite.Rule.STRICT);
      assertEquals(result.expected(), result.actual(),
          () -> name + " differs; master stderr:\n" + result.stderr());
    }));
  }
}
