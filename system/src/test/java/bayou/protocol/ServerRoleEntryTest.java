package bayou.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import bayou.wire.Msg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Commands that make no sense in a server's state are answered as failed, never thrown. */
class ServerRoleEntryTest {
  private final List<Msg> replies = new ArrayList<>();
  private final Effects effects = new Effects() {
    @Override
    public boolean send(int peer, Msg msg) {
      return false;
    }

    @Override
    public void sendAll(List<Integer> peers, Msg msg) {}

    @Override
    public void reply(Msg msg) {
      replies.add(msg);
    }

    @Override
    public void learn(Map<Integer, Integer> addresses) {}

    @Override
    public void forget(int peer) {}

    @Override
    public void stop() {}
  };

  private Role server() {
    return Role.assigned(new Msg.Control(1, "assign", 0, null, "server", "", null), effects);
  }

  @Test
  void aRetireBeforeTheServerHasAReplicaFails() {
    Role role = server();
    role.handle(1, new Inbound.FromMaster(Msg.Control.of(2, "retire", 1))); // threw an NPE
    Msg.Reply reply = (Msg.Reply) replies.get(0);
    assertFalse(reply.ok());
    assertEquals("server 0 has no replica yet", reply.error());
  }

  @Test
  void aSecondRootOrJoinFails() {
    Role role = server();
    role.handle(1, new Inbound.FromMaster(Msg.Control.of(2, "root", -1)));
    role.handle(2, new Inbound.FromMaster(Msg.Control.of(3, "root", -1)));
    role.handle(3, new Inbound.FromMaster(Msg.Control.of(4, "retire", 1)));
    role.handle(4, new Inbound.FromMaster(Msg.Control.of(5, "retire", 1)));
    assertEquals(List.of(true, false, false, false),
        replies.stream().map(r -> ((Msg.Reply) r).ok()).toList());
    assertEquals("server 0 is already retiring", ((Msg.Reply) replies.get(3)).error());
    role.checkInvariants();
  }
}
