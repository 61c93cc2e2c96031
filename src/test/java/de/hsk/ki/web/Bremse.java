package de.hsk.ki.web;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/** Test model listener: holds a completion open for a moment, so that two completions overlap. */
public class Bremse implements TaskListener {
  @Override
  public void notify(DelegateTask task) {
    try {
      Thread.sleep(400);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
