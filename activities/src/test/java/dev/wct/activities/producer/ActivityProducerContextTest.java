package dev.wct.activities.producer;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCanceledException;
import io.temporal.client.ActivityWorkerShutdownException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A producer's heartbeat while its worker drains, and when its run is cancelled. */
class ActivityProducerContextTest {
  private final ActivityExecutionContext activity = mock(ActivityExecutionContext.class);
  private final ActivityProducerContext context =
      new ActivityProducerContext("run-1", "files", Path.of("."), activity, null);

  @Test
  void aProducerGoesOnWhileItsWorkerShutsDown() {
    doThrow(new ActivityWorkerShutdownException()).when(activity).heartbeat(any());

    assertThatCode(() -> context.heartbeat(42L)).doesNotThrowAnyException();
  }

  @Test
  void aCancelledRunStillStopsTheProducer() {
    doThrow(new ActivityCanceledException()).when(activity).heartbeat(any());

    assertThatThrownBy(() -> context.heartbeat(42L)).isInstanceOf(ActivityCanceledException.class);
  }
}
