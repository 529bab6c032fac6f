package org.triggerpoint.clinic.command.user;

import org.triggerpoint.clinic.events.user.Username;

/** What the user aggregate needs to know about the other users. */
public interface UserDirectory {

    long countActiveAdministratorsOtherThan(Username username);
}
