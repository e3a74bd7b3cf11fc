package bayou.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The same course-format cases as {@link SuiteTest}, in the simulator: the protocol code in one
 * thread over a simulated network must print exactly what the real processes print.
 */
class SimSuiteTest {
  @TestFactory
  Stream<DynamicTest> ownCases() {
    return cases(SuiteTest.root());
  }

  @TestFactory
  Stream<DynamicTest> courseSuite() {
    Path course = SuiteTest.root().resolve("../shared/course-suite").normalize();
    assumeTrue(Files.isDirectory(course), "no course suite at " + course);
    return cases(course);
  }

  private static Stream<DynamicTest> cases(Path dir) {
    Suite suite = Suite.simulated("", 1);
    return Suite.caseNames(dir).stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      Suite.Result result = suite.run(dir, name, Suite.Rule.STRICT);
      assertEquals(result.expected(), result.actual(), name + " stderr:\n" + result.stderr());
    }));
  }
}
