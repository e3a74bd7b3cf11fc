package bayou.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bayou.gen.Script;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTest {
  @Test
  void needsOneProcessPerServerAndPerClientNotPerMove() {
    assertEquals(4, Replay.processesNeeded(Script.parse(List.of("joinServer 0", "joinServer 1",
        "joinClient 5 0", "joinClient 6 1", "joinClient 5 1", "put 5 a b", "retireServer 0"))));
  }
}
