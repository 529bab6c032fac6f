package org.triggerpoint.clinic.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompileQueueTest {

    @Test
    void countsTheMethodsWaitingInEveryQueueButNotThoseBeingCompiled() {
        String printed = """
                20406:
                Current compiles:\s
                C2 CompilerThread0  15071       4       org.postgresql.core.v3.QueryExecutorImpl::execute (300 bytes)
                C1 CompilerThread0  15102       3       com.fasterxml.jackson.core.JsonGenerator::writeStringField (12 bytes)

                C1 compile queue:
                15103       3       java.util.HashMap::putVal (300 bytes)
                15104  s    3       java.lang.StringBuffer::append (13 bytes)

                C2 compile queue:
                15090   !   4       org.axonframework.eventsourcing.EventSourcingRepository::doLoadWithLock (64 bytes)
                """;

        assertThat(CompileQueue.waitingIn(printed)).isEqualTo(3);
    }

    @Test
    void emptyQueuesHoldNothing() {
        String printed = """
                20406:
                Current compiles:\s

                C1 compile queue:
                Empty

                C2 compile queue:
                Empty
                """;

        assertThat(CompileQueue.waitingIn(printed)).isZero();
    }

    @Test
    void anAnswerWithoutQueuesIsUnknown() {
        assertThat(CompileQueue.waitingIn("20406:\nCommand executed successfully\n")).isEqualTo(CompileQueue.UNKNOWN);
    }

    @Test
    void readsTheQueueOfARunningJvm() {
        assertThat(CompileQueue.waiting(ProcessHandle.current().pid())).isNotNegative();
    }

    @Test
    void aProcessThatDoesNotRunHasNoQueueToRead() {
        assertThat(CompileQueue.waiting(-1)).isEqualTo(CompileQueue.UNKNOWN);
        assertThat(CompileQueue.waiting(Integer.MAX_VALUE)).isEqualTo(CompileQueue.UNKNOWN);
    }
}
