package cn.etax.identity.account.domain;

import cn.etax.identity.shared.InvalidInputException;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;

/** RULE-USER: 6-20 letters or digits starting with a letter, case-sensitive, changed at most once a year. */
public final class UsernamePolicy {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{5,19}");

    private UsernamePolicy() {
    }

    public static String check(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("USERNAME_INVALID");
        }
        return username;
    }

    /** The first instant at which a username set at {@code lastChange} may be changed again. */
    public static Instant nextChangeAllowed(Instant lastChange, ZoneId zone) {
        return ZonedDateTime.ofInstant(lastChange, zone).plusYears(1).toInstant();
    }
}
