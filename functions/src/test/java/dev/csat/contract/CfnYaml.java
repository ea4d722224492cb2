package dev.csat.contract;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation YAML the way CloudFormation does: short-form intrinsics ({@code !Ref X},
 * {@code !GetAtt A.B}, {@code !Sub ...}) become their long form ({@code {Ref: X}},
 * {@code {Fn::GetAtt: [A, B]}}, ...), so callers see one shape whichever form a template uses.
 * Duplicate keys are an error (CloudFormation would silently keep one of them), and dates stay
 * strings ({@code Version: 2012-10-17} is text to IAM, not a timestamp).
 */
final class CfnYaml {
  private static final Map<String, String> SHORT_FORMS = Map.ofEntries(
      Map.entry("!Ref", "Ref"),
      Map.entry("!Condition", "Condition"),
      Map.entry("!GetAtt", "Fn::GetAtt"),
      Map.entry("!Sub", "Fn::Sub"),
      Map.entry("!If", "Fn::If"),
      Map.entry("!Equals", "Fn::Equals"),
      Map.entry("!Not", "Fn::Not"),
      Map.entry("!And", "Fn::And"),
      Map.entry("!Or", "Fn::Or"),
      Map.entry("!Join", "Fn::Join"),
      Map.entry("!Select", "Fn::Select"),
      Map.entry("!Split", "Fn::Split"),
      Map.entry("!FindInMap", "Fn::FindInMap"),
      Map.entry("!Base64", "Fn::Base64"),
      Map.entry("!ImportValue", "Fn::ImportValue"),
      Map.entry("!GetAZs", "Fn::GetAZs"),
      Map.entry("!Cidr", "Fn::Cidr"),
      Map.entry("!Transform", "Fn::Transform"),
      Map.entry("!Length", "Fn::Length"),
      Map.entry("!ToJsonString", "Fn::ToJsonString"));

  private CfnYaml() {}

  /** The document's top-level mapping. */
  static Map<String, Object> load(Path file) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Yaml yaml = new Yaml(new CfnConstructor(options));
    try (Reader reader = Files.newBufferedReader(file)) {
      Object document = yaml.load(reader);
      if (!(document instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException(file + " is not a YAML mapping");
      }
      return stringKeys(map);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A mapping with its keys as strings: YAML may read a key such as {@code 200} as a number. */
  static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> result = new LinkedHashMap<>();
    map.forEach((key, value) -> result.put(String.valueOf(key), value));
    return result;
  }

  private static final class CfnConstructor extends SafeConstructor {
    CfnConstructor(LoaderOptions options) {
      super(options);
      SHORT_FORMS.forEach((tag, function) -> yamlConstructors.put(new Tag(tag), new Intrinsic(function)));
      yamlConstructors.put(Tag.TIMESTAMP, yamlConstructors.get(Tag.STR));
    }

    private final class Intrinsic extends AbstractConstruct {
      private final String function;

      Intrinsic(String function) {
        this.function = function;
      }

      @Override
      public Object construct(Node node) {
        Object argument = switch (node) {
          case ScalarNode scalar -> constructScalar(scalar);
          case SequenceNode sequence -> constructSequence(sequence);
          case MappingNode mapping -> constructMapping(mapping);
          default -> throw new IllegalArgumentException("unexpected YAML node for " + function + ": " + node);
        };
        // !GetAtt Resource.Attribute.Path is the long form [Resource, Attribute.Path].
        if (function.equals("Fn::GetAtt") && argument instanceof String dotted) {
          int dot = dotted.indexOf('.');
          argument = dot < 0 ? List.of(dotted) : List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
        }
        Map<String, Object> longForm = new LinkedHashMap<>();
        longForm.put(function, argument);
        return longForm;
      }
    }
  }
}
