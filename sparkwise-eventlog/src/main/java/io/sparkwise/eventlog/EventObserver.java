package io.sparkwise.eventlog;

import io.sparkwise.state.ApplicationState;
import io.sparkwise.state.event.SparkEvent;

/**
 * Sees every typed event of a log as it is read, right after the application state applied it:
 * a caller can take {@link ApplicationState#snapshot} at the moments it cares about (after each
 * completed stage, say) and judge the application as it was then.
 */
@FunctionalInterface
public interface EventObserver {

    /** Called once per event, in log order; {@code state} already includes {@code event}. */
    void afterEvent(SparkEvent event, ApplicationState state);
}
