package bayou.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChronicleFlagsTest {
  /** Launchers use jvmFlags(), Surefire the pom property: they must not drift apart. */
  @Test
  void flagsMatchTheParentPom() throws Exception {
    String root = System.getProperty("bayou.root");
    assumeTrue(root != null, "run by Surefire, which sets bayou.root");
    String pom = Files.readString(Path.of(root, "pom.xml"));
    Matcher m = Pattern.compile("<chronicle.jvm.flags>(.*?)</chronicle.jvm.flags>").matcher(pom);
    assumeTrue(m.find(), "the parent pom defines chronicle.jvm.flags");
    assertEquals(m.group(1).trim(), String.join(" ", ChronicleFlags.jvmFlags()));
  }
}
