package dev.wct.cli.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.cli.history.Cli;
import org.junit.jupiter.api.Test;

/** What {@code wct schedule} refuses before it plans or reaches a server: one line, exit 2. */
class ScheduleCommandInputTest {
  @Test
  void aScheduleNeedsExactlyOneTiming() {
    Cli.Result neither = Cli.run("schedule", "create", "nightly", "scan.yaml");
    Cli.Result both =
        Cli.run(
            "schedule", "create", "nightly", "scan.yaml", "--cron", "0 2 * * *", "--every", "1d");

    assertThat(neither.exitCode()).isEqualTo(2);
    assertThat(neither.err())
        .isEqualTo("wct: give exactly one of --cron EXPR and --every DURATION\n");
    assertThat(both.err()).isEqualTo(neither.err());
  }

  @Test
  void namesPoliciesTimeZonesAndTimesAreChecked() {
    assertThat(Cli.run("schedule", "create", "night/ly", "scan.yaml", "--every", "1d").err())
        .startsWith("wct: schedule name 'night/ly': use letters, digits");
    assertThat(
            Cli.run("schedule", "create", "n", "scan.yaml", "--every", "1d", "--overlap", "never")
                .err())
        .isEqualTo(
            "wct: --overlap: unknown policy 'never'; one of: skip, buffer-one, buffer-all,"
                + " cancel-other, allow-all\n");
    assertThat(
            Cli.run(
                    "schedule",
                    "create",
                    "n",
                    "scan.yaml",
                    "--cron",
                    "0 2 * * *",
                    "--timezone",
                    "Mars/Olympus")
                .err())
        .isEqualTo("wct: --timezone: unknown time zone 'Mars/Olympus' (e.g. UTC, Europe/Paris)\n");
    Cli.Result badTime =
        Cli.run("schedule", "backfill", "n", "--start", "yesterday", "--end", "2026-11-02");
    assertThat(badTime.exitCode()).isEqualTo(2);
    assertThat(badTime.err())
        .isEqualTo(
            "wct: --start: expected a time such as 2026-11-01T02:00:00Z or a date such as"
                + " 2026-11-01, got 'yesterday'\n");
  }

  @Test
  void schedulesNeedAServer() {
    Cli.Result list = Cli.run("schedule", "list");

    assertThat(list.exitCode()).isEqualTo(2);
    assertThat(list.err())
        .isEqualTo(
            "wct: schedules live on a Temporal server: give its address with --address"
                + " HOST:PORT (wct server starts one on this machine)\n");
    assertThat(Cli.run("runs", "--schedule", "nightly").err())
        .isEqualTo("wct: --schedule needs --address HOST:PORT: schedules live there\n");
  }
}
