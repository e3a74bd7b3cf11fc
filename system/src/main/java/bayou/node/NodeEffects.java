package bayou.node;

import bayou.protocol.Durable;
import bayou.protocol.Effects;
import bayou.wire.Msg;
import java.util.List;
import java.util.Map;

/** A role's effects in a node process: TCP to peers, the control link to the master, a halt. */
final class NodeEffects implements Effects {
  private final Transport transport;
  private final ControlLink master;
  private final DiskLog disk; // null: a client, or a server without storage

  NodeEffects(Transport transport, ControlLink master, DiskLog disk) {
    this.transport = transport;
    this.master = master;
    this.disk = disk;
  }

  @Override
  public void persist(List<Durable.Rec> records) {
    if (disk != null) {
      disk.append(records.stream().map(Durable::encode).toList());
    }
  }

  @Override
  public void recover(java.util.function.Consumer<Durable.Rec> each) {
    if (disk != null) {
      disk.recover(line -> each.accept(Durable.decode(line)));
    }
  }

  @Override
  public boolean send(int peer, Msg msg) {
    return transport.send(peer, msg);
  }

  @Override
  public void sendAll(List<Integer> peers, Msg msg) {
    String line = transport.encode(msg);
    for (int peer : peers) {
      transport.sendLine(peer, line);
    }
  }

  @Override
  public void reply(Msg msg) {
    master.send(msg);
  }

  @Override
  public void learn(Map<Integer, Integer> addresses) {
    transport.learn(addresses);
  }

  @Override
  public void forget(int peer) {
    transport.forget(peer);
  }

  @Override
  public void stop() {
    Runtime.getRuntime().halt(0); // replies are flushed as they are sent
  }
}
