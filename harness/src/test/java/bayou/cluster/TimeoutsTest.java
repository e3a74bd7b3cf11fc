package bayou.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.protocol.Role;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A client reports an operation's unknown outcome (info: timeout) before the controller stops
 * waiting for it, so the controller's wait never ends an operation with no outcome at all.
 */
class TimeoutsTest {
  @Test
  void theControllerWaitsLongerThanAClient() {
    Duration client = Duration.ofNanos(Role.CLIENT_OP_TIMEOUT_MICROS * 1_000);
    assertTrue(NodeCluster.OP_TIMEOUT.compareTo(client.plusSeconds(1)) >= 0,
        NodeCluster.OP_TIMEOUT + " against a client's " + client);
  }
}
