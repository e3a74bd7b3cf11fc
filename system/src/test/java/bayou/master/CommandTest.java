package bayou.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandTest {
  @Test
  void parsesTheCourseCommandsAndToleratesTrailingSpace() {
    assertEquals(new Command("joinServer", List.of("10")), Command.parse("joinServer 10 "));
    assertEquals(new Command("put", List.of("3", "a", "b.c/d?e=1")),
        Command.parse("put 3 a b.c/d?e=1"));
    assertEquals(new Command("pause", List.of()), Command.parse("pause"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"git 10 abc", "joinServer", "joinServer x", "put 1 a", "get 1 a b",
      "printLog -1", "stabilize now", "joinClient 1"})
  void rejectsMalformedLinesWithAReason(String line) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Command.parse(line));
    assertEquals(false, e.getMessage().isBlank());
  }
}
