package io.blastgate.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.blastgate.model.Label;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The properties each label declares in {@code graph-model/model.yaml}, read from the classpath once:
 * the model file, not the Java, says which properties an entity shows.
 */
final class ModelProperties {
  private static final String RESOURCE = "/graph-model/model.yaml";
  private static final Map<Label, List<String>> BY_LABEL = load();

  private ModelProperties() {}

  static List<String> of(Label label) {
    return BY_LABEL.get(label);
  }

  private static Map<Label, List<String>> load() {
    try (InputStream in = ModelProperties.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no graph model on the classpath at " + RESOURCE);
      }
      JsonNode labels = new ObjectMapper(new YAMLFactory()).readTree(in).path("labels");
      Map<Label, List<String>> byLabel = new EnumMap<>(Label.class);
      for (Label label : Label.values()) {
        JsonNode properties = labels.path(label.cypherName()).path("properties");
        if (!properties.isObject()) {
          throw new IllegalStateException(RESOURCE + " declares no properties for " + label.cypherName());
        }
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        byLabel.put(label, List.copyOf(names));
      }
      return byLabel;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
