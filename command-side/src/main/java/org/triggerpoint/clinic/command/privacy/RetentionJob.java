package org.triggerpoint.clinic.command.privacy;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.triggerpoint.clinic.command.client.ClientRetention;
import org.triggerpoint.clinic.command.client.EraseClientData;
import org.triggerpoint.clinic.command.common.OneNodeAtATime;
import org.triggerpoint.clinic.command.common.RuleViolation;
import org.triggerpoint.clinic.command.web.CommandMetadata;
import org.triggerpoint.clinic.events.client.ClientId;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Erases the records whose retention period has ended, the same way an administrator would: one erasure event per
 * client, naming the retention period as the reason, so the audit trail shows what was erased and why. With several
 * command-side nodes, one runs it at a time; the others skip that run.
 */
@Component
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final ClientRetention retention;
    private final CommandGateway commands;
    private final Clock clock;
    private final OneNodeAtATime oneNode;

    RetentionJob(ClientRetention retention, CommandGateway commands, Clock clock, OneNodeAtATime oneNode) {
        this.retention = retention;
        this.commands = commands;
        this.clock = clock;
        this.oneNode = oneNode;
    }

    @Scheduled(cron = "${clinic.retention.schedule}")
    void eraseRecordsPastRetention() {
        eraseRecordsPastRetention(clock.instant());
    }

    /** Returns the clients erased; none when another node is running the job. */
    List<ClientId> eraseRecordsPastRetention(Instant now) {
        return oneNode.run("retention", () -> eraseAlone(now)).orElse(List.of());
    }

    private List<ClientId> eraseAlone(Instant now) {
        List<ClientId> due = retention.clientsPastRetention(now);
        String reason = "Retention period of " + retention.period().period() + " after the last session ended";
        List<ClientId> erased = due.stream().filter(clientId -> {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new EraseClientData(clientId, reason, null, now)).andMetaData(Map.of(CommandMetadata.REASON,
                        reason)));
                return true;
            } catch (RuleViolation notDueAnymore) {
                log.info("Not erasing client {}: {}", clientId, notDueAnymore.getMessage());
                return false;
            } catch (ConcurrencyException changedMeanwhile) {
                // E.g. an administrator erased or changed the record at the same moment: the next run looks again.
                log.info("Not erasing client {} now: its record changed meanwhile", clientId);
                return false;
            }
        }).toList();
        if (!due.isEmpty()) {
            log.info("Retention: erased the personal data of {} of {} clients past their retention period",
                    erased.size(), due.size());
        }
        return erased;
    }
}
