package org.triggerpoint.clinic.command.user;

import org.triggerpoint.clinic.command.common.Rule;

public enum UserRule implements Rule {
    USERNAME_TAKEN("username-taken", "A username belongs to one user"),
    AT_LEAST_ONE_ROLE("role-required", "A user holds at least one role"),
    USER_DEACTIVATED("user-deactivated", "A deactivated user's roles no longer change, and they are deactivated once"),
    LAST_ADMINISTRATOR("last-administrator", "The clinic keeps at least one active administrator");

    private final String code;
    private final String statement;

    UserRule(String code, String statement) {
        this.code = code;
        this.statement = statement;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String statement() {
        return statement;
    }
}
