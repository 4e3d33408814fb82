package dev.wct.engine.visibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunFilterTest {
  @Test
  void allFailedScansOfARunbookLastWeekAreOneQuery() {
    RunFilter filter =
        new RunFilter("crm_scan", "failed", Instant.parse("2026-11-24T10:15:30.250Z"), null);

    assertThat(filter.query())
        .isEqualTo(
            "WorkflowType = 'Runbook' AND WctRunbook = 'crm_scan' AND WctStatus = 'failed'"
                + " AND StartTime > '2026-11-24T10:15:30Z'");
  }

  @Test
  void aScheduleSelectsItsRunsAndQuotesCannotEndTheValue() {
    assertThat(RunFilter.ALL.withSchedule("nightly").query())
        .isEqualTo("WorkflowType = 'Runbook' AND WctSchedule = 'nightly'");
    assertThat(new RunFilter("it's", null, null, null).query())
        .isEqualTo("WorkflowType = 'Runbook' AND WctRunbook = 'it\\'s'");
  }
}
