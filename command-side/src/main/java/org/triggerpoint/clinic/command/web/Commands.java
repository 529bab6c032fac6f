package org.triggerpoint.clinic.command.web;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Map;

/**
 * How a controller sends a command and answers: the command runs to its commit (rules broken come back as
 * exceptions, mapped to problem responses), and the answer carries the consistency token of what it stored.
 */
@Component
public class Commands {

    private final CommandGateway gateway;

    Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Sends a command that changes the record {@code aggregateId}, and answers 204. */
    public ResponseEntity<Void> change(Object aggregateId, Object command) {
        return change(aggregateId, command, Map.of());
    }

    /** As above, with metadata for the events, such as the administrator's reason for an erasure. */
    public ResponseEntity<Void> change(Object aggregateId, Object command, Map<String, ?> metadata) {
        String token = send(aggregateId, GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
        return ResponseEntity.noContent().header(ConsistencyTokens.HEADER, token).build();
    }

    /**
     * Sends a command that creates {@code newId} (a record, or a part of one such as a trigger point), and answers
     * 201 with its location and a body naming it.
     */
    public ResponseEntity<Map<String, String>> create(Object aggregateId, Object command, Object newId,
                                                      String idName, String location) {
        String token = send(aggregateId, GenericCommandMessage.asCommandMessage(command));
        return ResponseEntity.created(URI.create(location))
                .header(ConsistencyTokens.HEADER, token)
                .body(Map.of(idName, newId.toString()));
    }

    /** Sends the command to its commit and answers its consistency token, read in the command's transaction. */
    private String send(Object aggregateId, CommandMessage<?> command) {
        ConsistencyTokens.Pending pending = gateway.sendAndWait(ConsistencyTokens.askingForToken(command,
                aggregateId));
        return pending.token();
    }
}
