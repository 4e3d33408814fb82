package dev.wct.workflows.run;

import dev.wct.workflows.records.RunFinished;
import dev.wct.workflows.records.RunRecordActivities;
import dev.wct.workflows.records.RunStarted;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the workflow recorded. */
public final class FakeRecords implements RunRecordActivities {
  public final List<RunStarted> started = new CopyOnWriteArrayList<>();
  public final List<RunFinished> finished = new CopyOnWriteArrayList<>();

  @Override
  public void runStarted(RunStarted run) {
    started.add(run);
  }

  @Override
  public void runFinished(RunFinished run) {
    finished.add(run);
  }
}
