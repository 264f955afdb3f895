package io.blastgate.importer.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Backstage software catalog ({@code importers/backstage/README.md}): {@code catalog-info.yaml}
 * files, multi-document, their Location entities followed relative to the file, read by {@link
 * BackstageCatalog}. Recognised by a first document whose apiVersion is the catalog's ({@code
 * backstage.io/v1alpha1}), or a folder holding {@code catalog-info.yaml}.
 */
final class BackstageFormat implements InputFormat {
  static final String NAME = "backstage";
  static final String CATALOG_INFO = "catalog-info.yaml";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean recognises(Path path, Form form) throws IOException {
    if (form != Form.FILE && Files.isRegularFile(path.resolve(CATALOG_INFO))) {
      return YamlFiles.apiVersion(path.resolve(CATALOG_INFO)).map(YamlFiles::isCatalogApiVersion).orElse(true);
    }
    return YamlFiles.anyApiVersion(path, YamlFiles::isCatalogApiVersion);
  }

  @Override
  public SourceInput open(Path path, Opening opening) {
    String named = opening.inputName().isEmpty() ? opening.requestedSource().orElse("")
        : KubernetesFormat.stem(opening.inputName());
    // An uploaded file lies in the server's spool folder, beside others' uploads: its Locations are not followed.
    boolean follow = !(opening.form() == Form.FILE && opening.inputName().isEmpty());
    return new BackstageCatalog(path, opening.inputName(), opening.requestedSource().orElse(named), follow);
  }

  @Override
  public List<String> archiveHolds() {
    return List.of(CATALOG_INFO + " (or other Backstage catalog files)");
  }
}
