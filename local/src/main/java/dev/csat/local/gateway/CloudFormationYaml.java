package dev.csat.local.gateway;

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

/**
 * Reads CloudFormation YAML. Short-form intrinsics ({@code !Ref X}, {@code !GetAtt A.B},
 * {@code !Sub ...}, {@code !If [...]}) become their long form ({@code {Ref: X}},
 * {@code {Fn::GetAtt: [A, B]}}, ...), so the template reads as plain maps and lists.
 */
final class CloudFormationYaml {
  private CloudFormationYaml() {}

  static Object parse(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    return new Yaml(new IntrinsicTolerantConstructor(options)).load(text);
  }

  private static final class IntrinsicTolerantConstructor extends SafeConstructor {
    IntrinsicTolerantConstructor(LoaderOptions options) {
      super(options);
      // A multi-constructor keyed by a prefix: every local tag (!Anything) lands here.
      yamlMultiConstructors.put("!", new Intrinsic());
    }

    private final class Intrinsic extends AbstractConstruct {
      @Override
      public Object construct(Node node) {
        String tag = node.getTag().getValue().substring(1);
        String name = switch (tag) {
          case "Ref", "Condition" -> tag;
          default -> "Fn::" + tag;
        };
        Object value = switch (node) {
          case ScalarNode scalar -> {
            String text = constructScalar(scalar);
            // !GetAtt Resource.Attribute is the short form of Fn::GetAtt: [Resource, Attribute].
            yield tag.equals("GetAtt") && text.contains(".")
                ? List.of(text.substring(0, text.indexOf('.')), text.substring(text.indexOf('.') + 1))
                : text;
          }
          case SequenceNode sequence -> constructSequence(sequence);
          case MappingNode mapping -> constructMapping(mapping);
          default -> null;
        };
        return Map.of(name, value == null ? "" : value);
      }
    }
  }
}
