package dev.wct.engine.schedule;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.engine.RunLauncher;
import dev.wct.engine.RunStart;
import dev.wct.engine.server.SearchAttributes;
import dev.wct.engine.visibility.VisibleRun;
import dev.wct.engine.visibility.VisibleRuns;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.spi.json.Json;
import dev.wct.workflows.run.RunOptions;
import dev.wct.workflows.run.RunRequest;
import dev.wct.workflows.run.RunbookWorkflow;
import dev.wct.workflows.run.ScheduledRunIds;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionExecution;
import io.temporal.client.schedules.ScheduleActionExecutionStartWorkflow;
import io.temporal.client.schedules.ScheduleActionResult;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleBackfill;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleHandle;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.client.schedules.ScheduleListActionStartWorkflow;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.client.schedules.ScheduleState;
import io.temporal.client.schedules.ScheduleUpdate;
import io.temporal.common.SearchAttributes.Builder;
import io.temporal.common.converter.EncodedValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * wct schedules on Temporal Schedules. Each schedule's action starts the same {@link
 * RunbookWorkflow} as {@code wct run} (built by {@link RunStart}), with the plan validated when the
 * schedule was created and pinned by its hash; each fire gets its own workflow ID ({@code
 * wct-sched-NAME-FIRE_TIME}) and run ID.
 */
public final class Schedules {
  private static final String DEFAULT_PAUSE_NOTE = "paused with wct schedule pause";
  private static final String DEFAULT_UNPAUSE_NOTE = "unpaused with wct schedule unpause";
  private static final int NEXT_TIMES = 5;

  private final WorkflowClient client;
  private final ScheduleClient schedules;
  private final String taskQueue;
  private Boolean searchAttributes;

  public Schedules(WorkflowClient client, String taskQueue) {
    this.client = Objects.requireNonNull(client, "client");
    this.taskQueue = Objects.requireNonNull(taskQueue, "taskQueue");
    this.schedules =
        ScheduleClient.newInstance(
            client.getWorkflowServiceStubs(),
            ScheduleClientOptions.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setIdentity(client.getOptions().getIdentity())
                .build());
  }

  /**
   * @throws WctException USER when a schedule of that name exists, the plan is too large to travel
   *     in the action, or the server refuses the spec (e.g. a bad cron expression)
   */
  public void create(ScheduleDefinition definition) {
    Schedule schedule = schedule(definition, definition.paused(), definition.note());
    ScheduleOptions.Builder options = ScheduleOptions.newBuilder();
    if (searchAttributes()) {
      options.setTypedSearchAttributes(attributes(definition).build());
    }
    call(
        definition.name(),
        () -> {
          try {
            return schedules.createSchedule(definition.name(), schedule, options.build());
          } catch (ScheduleAlreadyRunningException exists) {
            throw WctException.user(
                "schedule '"
                    + definition.name()
                    + "' exists; wct schedule update changes it, wct schedule delete removes it");
          }
        });
  }

  /**
   * Replaces the schedule's spec, policy and action (its plan), keeping its state unless {@code
   * paused} or {@code note} say otherwise.
   *
   * @param paused null keeps the schedule's paused state
   */
  public void update(ScheduleDefinition definition, Boolean paused) {
    ScheduleHandle handle = schedules.getHandle(definition.name());
    call(
        definition.name(),
        () -> {
          handle.update(
              input -> {
                ScheduleState state = input.getDescription().getSchedule().getState();
                boolean pause = paused != null ? paused : state.isPaused();
                String note = definition.note() != null ? definition.note() : state.getNote();
                Schedule replaced = schedule(definition, pause, note);
                return searchAttributes()
                    ? new ScheduleUpdate(replaced, attributes(definition).build())
                    : new ScheduleUpdate(replaced);
              });
          return null;
        });
  }

  /** Every wct schedule of the namespace, by name, without recent runs. */
  public List<ScheduleView> list() {
    List<String> names =
        call(
            "",
            () ->
                schedules
                    .listSchedules()
                    .filter(
                        s ->
                            s.getSchedule().getAction() instanceof ScheduleListActionStartWorkflow a
                                && RunbookWorkflow.TYPE.equals(a.getWorkflow()))
                    .map(s -> s.getScheduleId())
                    .sorted()
                    .toList());
    List<ScheduleView> views = new ArrayList<>();
    for (String name : names) {
      views.add(view(name, describe(schedules.getHandle(name), name), false));
    }
    return views;
  }

  /** The schedule, with its next fire times and its recent runs and their wct status. */
  public ScheduleView describe(String name) {
    ScheduleHandle handle = schedules.getHandle(ScheduleDefinition.name(name));
    return view(name, describe(handle, name), true);
  }

  public void pause(String name, String note) {
    ScheduleHandle handle = handle(name);
    call(name, () -> run(() -> handle.pause(note != null ? note : DEFAULT_PAUSE_NOTE)));
  }

  public void unpause(String name, String note) {
    ScheduleHandle handle = handle(name);
    call(name, () -> run(() -> handle.unpause(note != null ? note : DEFAULT_UNPAUSE_NOTE)));
  }

  /** Fires the schedule now, under its overlap policy. */
  public void trigger(String name) {
    ScheduleHandle handle = handle(name);
    call(name, () -> run(handle::trigger));
  }

  /** Fires the schedule for every time its spec names in [start, end), as if they had passed. */
  public void backfill(String name, Instant start, Instant end) {
    if (!end.isAfter(start)) {
      throw WctException.user("--end must be after --start");
    }
    ScheduleHandle handle = handle(name);
    call(name, () -> run(() -> handle.backfill(List.of(new ScheduleBackfill(start, end)))));
  }

  /** Deletes the schedule; the runs it started stay. */
  public void delete(String name) {
    ScheduleHandle handle = handle(name);
    call(name, () -> run(handle::delete));
  }

  private ScheduleHandle handle(String name) {
    return schedules.getHandle(ScheduleDefinition.name(name));
  }

  private Schedule schedule(ScheduleDefinition definition, boolean paused, String note) {
    ExecutionPlan plan = definition.plan();
    checkSize(definition.name(), plan);
    boolean attributes = searchAttributes();
    RunRequest request =
        RunRequest.scheduled(plan, RunOptions.DEFAULT, definition.name(), attributes);
    RunStart start =
        RunStart.of(
            ScheduledRunIds.workflowIdBase(definition.name()), taskQueue, request, attributes);
    Map<String, Object> memo = new LinkedHashMap<>(start.options().getMemo());
    memo.put("runbookPath", definition.runbookPath());
    if (definition.cron() != null) {
      memo.put("cron", definition.cron());
    } else {
      memo.put("every", definition.every().toString());
    }
    putIfGiven(memo, "timezone", definition.timezone());
    putIfGiven(memo, "jitter", definition.jitter());
    putIfGiven(memo, "catchupWindow", definition.catchupWindow());
    WorkflowOptions options = WorkflowOptions.newBuilder(start.options()).setMemo(memo).build();
    ScheduleSpec.Builder spec = ScheduleSpec.newBuilder();
    if (definition.cron() != null) {
      spec.setCronExpressions(List.of(definition.cron()));
    } else {
      spec.setIntervals(List.of(new ScheduleIntervalSpec(definition.every())));
    }
    if (definition.timezone() != null) {
      spec.setTimeZoneName(definition.timezone());
    }
    if (definition.jitter() != null) {
      spec.setJitter(definition.jitter());
    }
    SchedulePolicy.Builder policy =
        SchedulePolicy.newBuilder().setOverlap(definition.overlap().policy());
    if (definition.catchupWindow() != null) {
      policy.setCatchupWindow(definition.catchupWindow());
    }
    ScheduleState.Builder state = ScheduleState.newBuilder().setPaused(paused);
    if (note != null) {
      state.setNote(note);
    }
    return Schedule.newBuilder()
        .setAction(
            ScheduleActionStartWorkflow.newBuilder()
                .setWorkflowType(RunbookWorkflow.TYPE)
                .setOptions(options)
                .setArguments(start.request())
                .build())
        .setSpec(spec.build())
        .setPolicy(policy.build())
        .setState(state.build())
        .build();
  }

  private static void putIfGiven(Map<String, Object> memo, String key, Object value) {
    if (value != null) {
      memo.put(key, value.toString());
    }
  }

  /** The plan travels in the action, so it must fit where a launched run's would travel inline. */
  private static void checkSize(String name, ExecutionPlan plan) {
    int bytes;
    try {
      bytes = Json.mapper().writeValueAsBytes(plan).length;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new WctException(ErrorKind.INTERNAL, "cannot serialise the plan: " + e, e);
    }
    if (bytes > RunLauncher.MAX_INLINE_PLAN_BYTES) {
      throw WctException.user(
          "schedule '"
              + name
              + "': the plan is "
              + bytes / 1024
              + " KiB, more than a schedule's action carries ("
              + RunLauncher.MAX_INLINE_PLAN_BYTES / 1024
              + " KiB); split the runbook");
    }
  }

  private Builder attributes(ScheduleDefinition definition) {
    return io.temporal.common.SearchAttributes.newBuilder()
        .set(RunStart.RUNBOOK, definition.plan().runbook().name())
        .set(RunStart.SCHEDULE, definition.name());
  }

  private synchronized boolean searchAttributes() {
    if (searchAttributes == null) {
      searchAttributes =
          SearchAttributes.available(
              client.getWorkflowServiceStubs(), client.getOptions().getNamespace());
    }
    return searchAttributes;
  }

  private ScheduleDescription describe(ScheduleHandle handle, String name) {
    return call(name, handle::describe);
  }

  private ScheduleView view(String name, ScheduleDescription description, boolean withRuns) {
    Schedule schedule = description.getSchedule();
    Map<String, Object> memo =
        schedule.getAction() instanceof ScheduleActionStartWorkflow action
                && action.getOptions().getMemo() != null
            ? action.getOptions().getMemo()
            : Map.of();
    List<Instant> next = description.getInfo().getNextActionTimes();
    return new ScheduleView(
        name,
        text(memo.get("runbook")),
        text(memo.get("runbookPath")),
        text(memo.get("planHash")),
        text(memo.get("cron")),
        duration(memo.get("every")),
        text(memo.get("timezone")),
        Overlap.of(schedule.getPolicy().getOverlap()),
        duration(memo.get("jitter")),
        duration(memo.get("catchupWindow")),
        schedule.getState().isPaused(),
        emptyToNull(schedule.getState().getNote()),
        description.getInfo().getNumActions(),
        next.subList(0, Math.min(NEXT_TIMES, next.size())),
        withRuns ? recentRuns(description) : List.of());
  }

  /** The runs of its recent fires, newest first, each with the status it reports. */
  private List<VisibleRun> recentRuns(ScheduleDescription description) {
    List<VisibleRun> runs = new ArrayList<>();
    List<ScheduleActionResult> recent = new ArrayList<>(description.getInfo().getRecentActions());
    recent.sort(Comparator.comparing(ScheduleActionResult::getScheduledAt).reversed());
    for (ScheduleActionResult result : recent) {
      ScheduleActionExecution execution = result.getAction();
      if (execution instanceof ScheduleActionExecutionStartWorkflow started) {
        try {
          runs.add(
              VisibleRuns.run(client.newUntypedWorkflowStub(started.getWorkflowId()).describe()));
        } catch (RuntimeException gone) {
          // deleted by the namespace's retention: the schedule remembers more than the server
        }
      }
    }
    return runs;
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    // A described action's memo holds its values still encoded.
    if (value instanceof EncodedValues encoded) {
      return encoded.get(0, String.class);
    }
    return value.toString();
  }

  private static Duration duration(Object value) {
    String text = text(value);
    return text == null ? null : Duration.parse(text);
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  private static Void run(Runnable action) {
    action.run();
    return null;
  }

  /** Server refusals as one line: an unknown schedule, a bad spec, an unreachable server. */
  private static <T> T call(String name, Supplier<T> action) {
    try {
      return action.get();
    } catch (WctException e) {
      throw e;
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause != null && !(cause instanceof StatusRuntimeException)) {
        cause = cause.getCause();
      }
      if (cause instanceof StatusRuntimeException status) {
        Status.Code code = status.getStatus().getCode();
        String description = status.getStatus().getDescription();
        if (code == Status.Code.NOT_FOUND) {
          throw WctException.user("no schedule '" + name + "' (wct schedule list shows them)");
        }
        if (code == Status.Code.INVALID_ARGUMENT) {
          throw WctException.user("schedule '" + name + "': the server refused it: " + description);
        }
        if (code == Status.Code.UNIMPLEMENTED) {
          throw WctException.user(
              "this Temporal server has no Schedules (Temporal's Java test server); use the dev"
                  + " server of the Temporal CLI (wct server with scripts/temporal-cli) or a"
                  + " cluster");
        }
        throw new WctException(
            ErrorKind.EXTERNAL, "schedule '" + name + "': " + code + " " + description, e);
      }
      throw e;
    }
  }
}
