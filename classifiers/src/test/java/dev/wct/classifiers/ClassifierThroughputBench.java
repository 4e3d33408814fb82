package dev.wct.classifiers;

import static dev.wct.classifiers.ClassifierHarness.context;
import static dev.wct.classifiers.ClassifierHarness.finding;
import static dev.wct.classifiers.ClassifierHarness.input;
import static dev.wct.classifiers.ClassifierHarness.noProperties;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.classifiers.datasubject.GdprDataSubjectClassifier;
import dev.wct.classifiers.personaldata.GdprPersonalDataClassifier;
import dev.wct.classifiers.purpose.GdprProcessingPurposeClassifier;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.ContentReader;
import dev.wct.spi.message.MessageHeader;
import dev.wct.core.message.MessageWriter;
import dev.wct.spi.Analyser;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the classifiers: findings parsed from a serialised message, classified and
 * serialised again (to a null stream, so that only the classifier's own work is measured). Run with
 * {@code ./mvnw -B -o -q -pl classifiers test -Pbench}; results are printed to {@code
 * target/surefire-reports/dev.wct.classifiers.ClassifierThroughputBench-output.txt}.
 */
class ClassifierThroughputBench {
  private static final int FINDINGS = 100_000;
  private static final List<String> CATEGORIES =
      List.of("email", "phone", "iban", "health", "name", "shoe_size");

  private static void measure(Analyser classifier, String field) {
    List<ObjectNode> findings =
        IntStream.range(0, FINDINGS)
            .mapToObj(i -> finding(field, CATEGORIES.get(i % CATEGORIES.size())))
            .toList();
    for (int round = 0; round < 3; round++) {
      ContentReader in =
          input(classifier.acceptedInputs().get(0).iterator().next(), "in", findings);
      long start = System.nanoTime();
      long written;
      try (MessageWriter out =
          MessageWriter.open(
              Json.mapper(),
              OutputStream.nullOutputStream(),
              new MessageHeader(
                  "out", classifier.outputSchemas().get(0), "run", "bench", "t", null))) {
        classifier.analyse(context(Path.of(".")), noProperties(), List.of(in), out);
        written = out.itemCount();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(written).isEqualTo(FINDINGS);
      System.out.printf(
          "%s round %d: %d findings in %.2f s, %.0f findings/s%n",
          classifier.type(), round, FINDINGS, seconds, FINDINGS / seconds);
    }
  }

  @Test
  void personalData() {
    measure(new GdprPersonalDataClassifier(), "category");
  }

  @Test
  void dataSubject() {
    measure(new GdprDataSubjectClassifier(), "subject");
  }

  @Test
  void processingPurpose() {
    measure(new GdprProcessingPurposeClassifier(), "purpose");
  }
}
