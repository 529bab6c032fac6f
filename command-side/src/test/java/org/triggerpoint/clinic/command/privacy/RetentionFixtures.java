package org.triggerpoint.clinic.command.privacy;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.triggerpoint.clinic.command.client.RegisterClient;
import org.triggerpoint.clinic.events.client.ClientDetails;
import org.triggerpoint.clinic.events.client.ClientId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

final class RetentionFixtures {

    private RetentionFixtures() {
    }

    /** A client registered at {@code at}, with no session since. */
    static ClientId registerClient(CommandGateway commands, Instant at) {
        ClientId clientId = new ClientId(UUID.randomUUID());
        commands.sendAndWait(new RegisterClient(clientId, new ClientDetails("Robin", "Archer",
                LocalDate.of(1950, 1, 1), null, null), true, true, at));
        return clientId;
    }
}
