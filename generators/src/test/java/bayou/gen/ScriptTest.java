package bayou.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptTest {
  private static final List<Step> EVERY_KIND = List.of(
      new Step.JoinServer(0), new Step.JoinServer(1), new Step.JoinClient(5, 0),
      new Step.BreakConnection(0, 1), new Step.RestoreConnection(1, 0), new Step.Pause(),
      new Step.Put(5, "k1", "v3"), new Step.Start(), new Step.Get(5, "k1"),
      new Step.Delete(5, "k1"), new Step.Stabilize(), new Step.RetireServer(1),
      new Step.PrintLog(0));

  private static final String EVERY_KIND_TEXT = """
      joinServer 0
      joinServer 1
      joinClient 5 0
      breakConnection 0 1
      restoreConnection 1 0
      pause
      put 5 k1 v3
      start
      get 5 k1
      delete 5 k1
      stabilize
      retireServer 1
      printLog 0
      """;

  @Test void rendersEveryCommandAsTheCourseLine() {
    assertEquals(EVERY_KIND_TEXT, Script.render(EVERY_KIND));
    assertEquals("", Script.render(List.of()));
  }

  @Test void parseInvertsRender() {
    assertEquals(EVERY_KIND, Script.parse(EVERY_KIND_TEXT.lines().toList()));
  }

  @Test void skipsBlankLinesAndSurroundingSpace() {
    List<Step> steps = Script.parse(List.of("", "joinServer 0 ", "  ", "\tjoinServer  1", ""));
    assertEquals(List.of(new Step.JoinServer(0), new Step.JoinServer(1)), steps);
  }

  @Test void readsAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("case.test");
    Files.writeString(file, EVERY_KIND_TEXT);
    assertEquals(EVERY_KIND, Script.parse(file));
  }

  @ParameterizedTest
  @ValueSource(strings = {"git 10 abc", "joinServer", "joinServer x", "put 1 a", "get 1 a b",
      "printLog -1", "stabilize now", "joinClient 1", "joinServer 1234567890"})
  void theOneParserRejectsMalformedLinesWithAReason(String line) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Script.parseLine(line));
    assertFalse(e.getMessage().isBlank());
  }

  @Test void theOneParserToleratesSurroundingSpace() {
    assertEquals(new Step.JoinServer(10), Script.parseLine(" joinServer 10 "));
    assertEquals(new Step.Put(3, "a", "b.c/d?e=1"), Script.parseLine("put 3 a b.c/d?e=1"));
  }

  @Test void malformedLinesNameLineNumberAndText() {
    assertParseError(List.of("joinServer 0", "git"), "line 2 `git`: unknown command \"git\"");
    assertParseError(List.of("", "joinServer x"),
        "line 2 `joinServer x`: expected a non-negative integer id, got \"x\"");
    assertParseError(List.of("put 5 k1"),
        "line 1 `put 5 k1`: expected `put <client> <song> <url>`, got 2 arguments");
    assertParseError(List.of("pause now"),
        "line 1 `pause now`: expected `pause`, got 1 argument");
    assertParseError(List.of("breakConnection 3 3"),
        "line 1 `breakConnection 3 3`: the two ids must differ, got 3 twice");
    assertParseError(List.of("printLog -1"),
        "line 1 `printLog -1`: expected a non-negative integer id, got \"-1\"");
    assertParseError(List.of("joinClient 4"),
        "line 1 `joinClient 4`: expected `joinClient <client> <server>`, got 1 argument");
  }

  @Test void recordsRejectBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new Step.JoinServer(-1));
    assertThrows(IllegalArgumentException.class, () -> new Step.JoinClient(2, 2));
    assertThrows(IllegalArgumentException.class, () -> new Step.Put(5, "k 1", "v"));
    assertThrows(IllegalArgumentException.class, () -> new Step.Put(5, "k1", ""));
    assertThrows(IllegalArgumentException.class, () -> new Step.Get(5, null));
  }

  @Test void classifiesSteps() {
    for (Step s : EVERY_KIND) {
      boolean op = s instanceof Step.Put || s instanceof Step.Get || s instanceof Step.Delete;
      boolean observe = s instanceof Step.Stabilize || s instanceof Step.PrintLog;
      assertEquals(op, s.isClientOp(), s.toLine());
      assertEquals(!op && !observe, s.isFault(), s.toLine());
    }
  }

  @Test void firstProblemAcceptsAValidScript() {
    assertEquals(Optional.empty(), Script.firstProblem(EVERY_KIND));
  }

  @Test void firstProblemNamesTheStepAndTheReason() {
    assertProblem("step 2 `retireServer 0`: server 0 is the last live server",
        "joinServer 0", "retireServer 0");
    assertProblem("step 2 `start`: start without a pause", "joinServer 0", "start");
    assertProblem("step 2 `put 7 k0 v0`: client 7 never joined", "joinServer 0", "put 7 k0 v0");
    assertProblem("step 2 `joinServer 0`: server id 0 is already used",
        "joinServer 0", "joinServer 0");
    assertProblem("step 4 `printLog 1`: server 1 is retired",
        "joinServer 0", "joinServer 1", "retireServer 1", "printLog 1");
    assertProblem("step 1 `joinClient 3 0`: server 0 never joined", "joinClient 3 0");
  }

  private static void assertProblem(String expected, String... lines) {
    Optional<String> problem = Script.firstProblem(Script.parse(List.of(lines)));
    assertTrue(problem.isPresent(), "expected a problem in " + List.of(lines));
    assertEquals(expected, problem.get());
  }

  private static void assertParseError(List<String> lines, String expected) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Script.parse(lines));
    assertEquals(expected, e.getMessage());
    assertFalse(e.getMessage().isBlank());
  }
}
