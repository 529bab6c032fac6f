package org.triggerpoint.clinic.endtoend;

/**
 * One running clinic (both processes, views bounded to a 2 s consistency wait) shared by the end-to-end classes that
 * only add records of their own to it, so that the build starts the two processes once for all of them. Started on
 * first use; stopped, and its database dropped, when the test JVM exits.
 */
final class SharedClinic {

    private static RunningClinic clinic;

    private SharedClinic() {
    }

    static synchronized RunningClinic get() {
        if (clinic == null) {
            RunningClinic started = new RunningClinic("--clinic.views.consistency-timeout=2s");
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-shared-clinic"));
            clinic = started;
        }
        return clinic;
    }
}
