package bayou.cluster;

import bayou.wire.Msg;
import java.util.List;
import java.util.Map;

/**
 * A cluster that forwards every call to another: the base of a cluster that adds to some calls
 * (the harness's RecordingCluster records them; tests make some fail).
 */
public class ForwardingCluster implements Cluster {
  final Cluster cluster;

  public ForwardingCluster(Cluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public String joinServer(int id) {
    return cluster.joinServer(id);
  }

  @Override
  public String retireServer(int id) {
    return cluster.retireServer(id);
  }

  @Override
  public void joinClient(int client, int server) {
    cluster.joinClient(client, server);
  }

  @Override
  public void breakConnection(int a, int b) {
    cluster.breakConnection(a, b);
  }

  @Override
  public void restoreConnection(int a, int b) {
    cluster.restoreConnection(a, b);
  }

  @Override
  public void slow(int a, int b, boolean on) {
    cluster.slow(a, b, on);
  }

  @Override
  public boolean virtualTime() {
    return cluster.virtualTime();
  }

  @Override
  public double messageLoss() {
    return cluster.messageLoss();
  }

  @Override
  public void pause() {
    cluster.pause();
  }

  @Override
  public void start() {
    cluster.start();
  }

  @Override
  public void stabilize() {
    cluster.stabilize();
  }

  @Override
  public Msg.LogDump log(int id) {
    return cluster.log(id);
  }

  @Override
  public Map<Integer, Msg.LogDump> logs() {
    return cluster.logs();
  }

  @Override
  public Map<Integer, Msg.LogDump> logsSince(Map<Integer, CommittedPrefix> held) {
    return cluster.logsSince(held);
  }

  @Override
  public Msg.OpOutcome put(int client, String key, String value) {
    return cluster.put(client, key, value);
  }

  @Override
  public Msg.OpOutcome get(int client, String key) {
    return cluster.get(client, key);
  }

  @Override
  public Msg.OpOutcome delete(int client, String key) {
    return cluster.delete(client, key);
  }

  @Override
  public List<Integer> servers() {
    return cluster.servers();
  }

  @Override
  public List<Integer> clients() {
    return cluster.clients();
  }

  @Override
  public boolean hasClient(int client) {
    return cluster.hasClient(client);
  }

  @Override
  public int serverOf(int client) {
    return cluster.serverOf(client);
  }

  @Override
  public List<int[]> brokenLinks() {
    return cluster.brokenLinks();
  }

  @Override
  public boolean isPaused() {
    return cluster.isPaused();
  }

  @Override
  public List<String> drainViolations() {
    return cluster.drainViolations();
  }

  @Override
  public void killServer(int id) {
    cluster.killServer(id);
  }

  @Override
  public Msg.LogDump restartServer(int id) {
    return cluster.restartServer(id);
  }

  @Override
  public void freezeServer(int id) {
    cluster.freezeServer(id);
  }

  @Override
  public void thawServer(int id) {
    cluster.thawServer(id);
  }

  @Override
  public void skewClock(int id, long offsetMillis, double driftPpm) {
    cluster.skewClock(id, offsetMillis, driftPpm);
  }

  @Override
  public List<Integer> killedServers() {
    return cluster.killedServers();
  }

  @Override
  public List<Integer> frozenServers() {
    return cluster.frozenServers();
  }

  @Override
  public void close() {
    cluster.close();
  }
}
