package io.blastgate.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The embedded data folder, for every command that opens the graph. */
final class DataDirOption {
  @Option(names = "--data-dir", description = "embedded data folder (default BLASTGATE_DATA_DIR or ./data)")
  Path dataDir;
}
