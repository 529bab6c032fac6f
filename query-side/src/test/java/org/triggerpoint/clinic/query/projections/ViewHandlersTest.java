package org.triggerpoint.clinic.query.projections;

import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.LoggingErrorHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rebuild hands each event to every handler of the view with a method for it, once, as the view's processor does;
 * replayed events only to handlers that take replays; a handler's failure goes where the view's failures go.
 */
class ViewHandlersTest {

    private final List<String> seen = new ArrayList<>();

    @Test
    void eachEventGoesOnceToEveryHandlerWithAMethodForIt() throws Exception {
        ViewHandlers view = ViewHandlers.of(new MultiEventHandlerInvoker(
                invoker(PropagatingErrorHandler.instance(), new Texts("first"), new Numbers("second")),
                invoker(PropagatingErrorHandler.instance(), new Texts("third"))));

        view.handle(GenericEventMessage.asEventMessage("a text"));
        view.handle(GenericEventMessage.asEventMessage(42));

        assertThat(seen).containsExactly("first: a text", "third: a text", "second: 42");
    }

    @Test
    void aReplayedEventGoesOnlyToHandlersThatTakeReplays() throws Exception {
        ViewHandlers view = ViewHandlers.of(new MultiEventHandlerInvoker(
                invoker(PropagatingErrorHandler.instance(), new Texts("replayed too")),
                invoker(PropagatingErrorHandler.instance(), new LiveTextsOnly("live only"))));

        view.handle(replayed("old text"));
        view.handle(live("new text"));

        assertThat(seen).containsExactly("replayed too: old text", "replayed too: new text", "live only: new text");
    }

    @Test
    void aFailureThatTheViewPropagatesStopsTheEventThere() {
        ViewHandlers view = ViewHandlers.of(invoker(PropagatingErrorHandler.instance(),
                new Failing(), new Texts("after the failure")));

        assertThatThrownBy(() -> view.handle(GenericEventMessage.asEventMessage("a text")))
                .hasMessage("the view cannot take a text");
        assertThat(seen).isEmpty();
    }

    @Test
    void aFailureThatTheViewOnlyLogsLeavesTheOtherHandlersTheEvent() throws Exception {
        ViewHandlers view = ViewHandlers.of(invoker(new LoggingErrorHandler(),
                new Failing(), new Texts("after the failure")));

        view.handle(GenericEventMessage.asEventMessage("a text"));

        assertThat(seen).containsExactly("after the failure: a text");
    }

    private static SimpleEventHandlerInvoker invoker(ListenerInvocationErrorHandler errors, Object... handlers) {
        return SimpleEventHandlerInvoker.builder()
                .eventHandlers(handlers)
                .listenerInvocationErrorHandler(errors)
                .build();
    }

    private static EventMessage<String> replayed(String text) {
        return new GenericTrackedEventMessage<>(ReplayToken.createReplayToken(
                new GlobalSequenceTrackingToken(10), new GlobalSequenceTrackingToken(5)),
                GenericEventMessage.asEventMessage(text));
    }

    private static EventMessage<String> live(String text) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(11),
                GenericEventMessage.asEventMessage(text));
    }

    /** A handler of the view, noting under its name each event it is handed. */
    private abstract class Noting {
        private final String name;

        Noting(String name) {
            this.name = name;
        }

        void note(Object payload) {
            seen.add(name + ": " + payload);
        }
    }

    private class Texts extends Noting {
        Texts(String name) {
            super(name);
        }

        @EventHandler
        void on(String text) {
            note(text);
        }
    }

    @AllowReplay(false)
    private class LiveTextsOnly extends Noting {
        LiveTextsOnly(String name) {
            super(name);
        }

        @EventHandler
        void on(String text) {
            note(text);
        }
    }

    private class Numbers extends Noting {
        Numbers(String name) {
            super(name);
        }

        @EventHandler
        void on(Integer number) {
            note(number);
        }
    }

    private static class Failing {
        @EventHandler
        void on(String text) {
            throw new IllegalStateException("the view cannot take " + text);
        }
    }
}
