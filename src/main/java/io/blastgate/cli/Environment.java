package io.blastgate.cli;

import io.blastgate.config.AppConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The process environment, with what a command line option overrides. */
final class Environment {
  private Environment() {}

  static Map<String, String> withDataDir(Path dataDir) {
    Map<String, String> env = new HashMap<>(System.getenv());
    if (dataDir != null) {
      env.put("BLASTGATE_DATA_DIR", dataDir.toString());
    }
    return env;
  }

  static AppConfig config(Path dataDirOverride) {
    return AppConfig.fromEnvironment(withDataDir(dataDirOverride));
  }
}
