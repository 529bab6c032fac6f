package org.triggerpoint.clinic.query.projections;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;

import java.util.List;

/**
 * A view's event handlers as a rebuild run hands them its events: each event to each handler, which finds its own
 * method for it, failures to the handlers' error handler, as the view's processor does through its invoker (Axon's
 * {@link MultiEventHandlerInvoker} and {@link SimpleEventHandlerInvoker}, 4.13), without two of the invoker's
 * questions:
 * <ul>
 *   <li>whether a handler takes replayed events, which the invoker asks of every handler method for every event
 *   (2 % of the rebuild's threads' CPU, async-profiler): asked once for the run;</li>
 *   <li>whether the event belongs to the segment being read, which the invoker asks twice per view and event, each
 *   time naming the event's sequence anew (the client's id as text) and hashing it, after a pass over the handler
 *   methods to see whether any takes the event: a run reads the view's one segment, to which every event
 *   belongs.</li>
 * </ul>
 */
final class ViewHandlers {

    /** One of the view's invokers: its handlers, where their failures go, and whether it takes replays. */
    private record Invoker(List<EventMessageHandler> handlers, ListenerInvocationErrorHandler errors,
                           boolean takesReplays) {

        static Invoker of(EventHandlerInvoker invoker) {
            if (!(invoker instanceof SimpleEventHandlerInvoker simple)) {
                throw new IllegalStateException("A view's handlers are Axon's SimpleEventHandlerInvoker, not "
                        + invoker.getClass().getName());
            }
            return new Invoker(simple.eventHandlers(), simple.getListenerInvocationErrorHandler(),
                    simple.supportsReset());
        }

        void handle(EventMessage<?> event) throws Exception {
            for (EventMessageHandler handler : handlers) {
                try {
                    handler.handle(event); // a handler with no method for the event does nothing
                } catch (Exception failed) {
                    errors.onError(failed, event, handler);
                }
            }
        }
    }

    private final List<Invoker> invokers;

    private ViewHandlers(List<Invoker> invokers) {
        this.invokers = invokers;
    }

    static ViewHandlers of(EventHandlerInvoker invoker) {
        List<EventHandlerInvoker> invokers = invoker instanceof MultiEventHandlerInvoker multiple
                ? multiple.delegates()
                : List.of(invoker);
        return new ViewHandlers(invokers.stream().map(Invoker::of).toList());
    }

    void handle(EventMessage<?> event) throws Exception {
        boolean replayed = ReplayToken.isReplay(event);
        for (Invoker invoker : invokers) {
            if (invoker.takesReplays() || !replayed) {
                invoker.handle(event);
            }
        }
    }
}
