package bayou.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bayou.history.OpEvent;
import bayou.history.OpType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerAliasesTest {
  private static final String CREATOR = "<17,R>";
  private static final String CREATED = "<23," + CREATOR + ">";

  @Test
  void explanationsNameServersAsHistoryTxtDoesWithTheBayouNameOnFirstMention() {
    History history = History.of(List.of(op(0, 0, "R"), op(1, 1, CREATOR), op(2, 2, CREATED)));
    ServerAliases aliases = ServerAliases.of(history);
    assertEquals("Read at s2 (" + CREATED + ") missed 4@s1 (" + CREATOR + "); s2 had "
            + "{s1=3, s0 (R)=1} from s0.",
        aliases.shorten("Read at " + CREATED + " missed 4@" + CREATOR + "; " + CREATED
            + " had {" + CREATOR + "=3, R=1} from R."));
  }

  @Test
  void resultsKeepTheirVerdictAndCounts() {
    ServerAliases aliases = ServerAliases.of(History.of(List.of(op(0, 4, CREATED))));
    CheckResult result = new CheckResult("session", Validity.INVALID, Map.of("x", 1L),
        List.of(new Violation("x", "At " + CREATED + ".", List.of(0L))));
    CheckResult renamed = aliases.apply(result);
    assertEquals("At s4 (" + CREATED + ").", renamed.violations().get(0).explanation());
    assertEquals(result.counts(), renamed.counts());
    assertEquals(List.of(0L), renamed.violations().get(0).eventIndices());
  }

  private static OpEvent op(long index, int server, String name) {
    return new OpEvent(index, index, OpType.INVOKE, 9, "get", "k", null, null, server, name,
        null, null, null, null, null);
  }
}
