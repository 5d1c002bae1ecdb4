package dev.linkcrawl.local.template;

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
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads CloudFormation YAML into plain maps, lists and scalars, turning the short-form intrinsic
 * tags ({@code !Ref X}, {@code !GetAtt A.B}, {@code !Sub …}) into the long forms CloudFormation
 * itself stores ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["A", "B"]}}, {@code {"Fn::Sub": …}}),
 * so that one evaluator and the JSON schema see a single spelling.
 */
final class CloudFormationYaml {

    /** Short tag → long key. {@code !Ref} and {@code !Condition} have no {@code Fn::} prefix. */
    static final Map<String, String> TAGS =
            Map.ofEntries(
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
                    Map.entry("!GetAZs", "Fn::GetAZs"),
                    Map.entry("!ImportValue", "Fn::ImportValue"),
                    Map.entry("!Cidr", "Fn::Cidr"),
                    Map.entry("!Length", "Fn::Length"),
                    Map.entry("!ToJsonString", "Fn::ToJsonString"),
                    Map.entry("!Transform", "Fn::Transform"));

    private CloudFormationYaml() {}

    /**
     * Parses one YAML document; duplicate keys are an error, as they are for CloudFormation.
     *
     * @throws org.yaml.snakeyaml.error.YAMLException on malformed YAML or an unknown tag
     */
    static Object parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        Yaml parser =
                new Yaml(
                        new IntrinsicConstructor(options),
                        new Representer(new org.yaml.snakeyaml.DumperOptions()),
                        new org.yaml.snakeyaml.DumperOptions(),
                        options,
                        new NoTimestampResolver());
        return parser.load(yaml);
    }

    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            TAGS.forEach((tag, key) -> yamlConstructors.put(new Tag(tag), new LongForm(key)));
        }

        private final class LongForm extends AbstractConstruct {
            private final String key;

            LongForm(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                if (key.equals("Fn::GetAtt") && value instanceof String dotted) {
                    // "Resource.Attribute"; attributes may contain dots themselves
                    // ("Endpoint.Address"), resource logical ids never do.
                    int dot = dotted.indexOf('.');
                    value =
                            dot < 0
                                    ? List.of(dotted)
                                    : List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
                }
                return Map.of(key, value);
            }
        }
    }

    /** CloudFormation reads an unquoted {@code 2010-09-09} as text, not as a date. */
    private static final class NoTimestampResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
        }
    }
}
