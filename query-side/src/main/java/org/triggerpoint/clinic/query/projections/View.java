package org.triggerpoint.clinic.query.projections;

import java.util.Arrays;
import java.util.Optional;

/**
 * The views this process builds, each by an event processor (processing group) of the same name with tables of
 * its own. The name is what {@code /api/admin/projections/{name}/rebuild} takes.
 */
public enum View {
    CLIENT_HISTORY("client-history"),
    OUTCOMES("outcomes"),
    AUDIT("audit");

    private final String processorName;

    View(String processorName) {
        this.processorName = processorName;
    }

    public String processorName() {
        return processorName;
    }

    public static Optional<View> named(String name) {
        return Arrays.stream(values()).filter(view -> view.processorName.equals(name)).findFirst();
    }
}
