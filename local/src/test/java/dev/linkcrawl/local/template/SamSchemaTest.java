package dev.linkcrawl.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * template.yaml against the SAM schema AWS publishes (draft-04, vendored in src/test/resources with
 * its notice): the check {@code sam validate} would make, since the SAM CLI cannot be installed
 * here.
 */
class SamSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = SamSchemaTest.class.getResourceAsStream("/sam.schema.json")) {
            schema =
                    SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                            .getSchema(JSON.readTree(in));
        }
    }

    @Test
    void projectTemplateIsAValidSamTemplate() throws IOException {
        List<Error> errors = validate(SamTemplate.read(SamTemplateTest.TEMPLATE));

        assertThat(errors).isEmpty();
    }

    @Test
    void functionWithAPropertySamDoesNotKnowIsRejected() throws IOException {
        List<Error> errors =
                validate(
                        SamTemplate.parse(
                                """
                                Transform: AWS::Serverless-2016-10-31
                                Resources:
                                  Broken:
                                    Type: AWS::Serverless::Function
                                    Properties:
                                      CodeUri: broken.jar
                                      Handler: a.B::handleRequest
                                      Runtime: java21
                                      TimeoutSeconds: 10
                                """));

        assertThat(errors)
                .extracting(Error::toString)
                .anySatisfy(message -> assertThat(message).contains("TimeoutSeconds"));
    }

    @Test
    void httpApiEventOfTheWrongTypeIsRejected() throws IOException {
        List<Error> errors =
                validate(
                        SamTemplate.parse(
                                """
                                Transform: AWS::Serverless-2016-10-31
                                Resources:
                                  Broken:
                                    Type: AWS::Serverless::Function
                                    Properties:
                                      CodeUri: broken.jar
                                      Handler: a.B::handleRequest
                                      Runtime: java21
                                      Events:
                                        Api:
                                          Type: HttpApi
                                          Properties:
                                            Method: [POST]
                                            Path: /links
                                """));

        assertThat(errors).isNotEmpty();
    }

    private static List<Error> validate(SamTemplate template) throws IOException {
        return schema.validate(JSON.readTree(template.toJson()));
    }
}
